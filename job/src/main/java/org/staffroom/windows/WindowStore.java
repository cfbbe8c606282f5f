package org.staffroom.windows;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.model.Post;
import org.staffroom.state.StateBackend;

/**
 * The keyed state of one window scheme (one label) for the current scope: its windows' post
 * totals, participants and mentioned accounts, laid out for the state backend.
 */
interface WindowStore {
    static WindowStore open(StateBackend backend, RuntimeContext context, String label) {
        return backend == StateBackend.rocksdb ? new EntryWindowStore(context, label)
                : new AccumulatorWindowStore(context, label);
    }

    /**
     * Counts a post in the window [start, end); returns the window's totals after it (one post: the
     * post opened the window).
     *
     * @param participant the post's author as {@link org.staffroom.model.ParticipantKey}
     * @param earliest the participant's earliest post seen so far in the scope, this one included
     * @param ranksAccounts whether the window ranks top accounts, and so needs mentions and handles
     */
    WindowTotals add(long start, long end, Post post, String participant, long earliest, boolean cotag,
            boolean ranksAccounts) throws Exception;

    /**
     * Counts a post, as {@link #add}, only in a window starting at {@code start} that is in state
     * and ends no later than {@code end}: such a window proves that no window of the scheme ending
     * at or after {@code end} is final yet (see {@code EngagementWindows#processElement}). Returns
     * the window's totals after the post, or null, having counted nothing, when there is no such
     * window.
     */
    WindowTotals addToOpen(long start, long end, Post post, String participant, long earliest, boolean cotag,
            boolean ranksAccounts) throws Exception;

    /** The totals of the window starting at {@code start}, or null when it holds no post. */
    WindowTotals totals(long start) throws Exception;

    /** Stores totals changed outside {@link #add}. */
    void update(long start, WindowTotals totals) throws Exception;

    /** Starts of the windows holding posts, oldest first. */
    List<Long> starts() throws Exception;

    /** Starts of the windows whose last millisecond is at or before {@code time}, oldest first. */
    List<Long> startsEndedBy(long time) throws Exception;

    /** The window's participants by {@link org.staffroom.model.ParticipantKey}. */
    Map<String, AuthorActivity> participants(long start) throws Exception;

    /** Posts mentioning each account in the window (empty where accounts are not ranked). */
    Map<String, Long> mentioned(long start) throws Exception;

    /** Keeps the participant, if there, counted as new in the window (see {@link AuthorActivity#keptNew}). */
    void keepNew(long start, String participant) throws Exception;

    /**
     * The participant's earliest post moved out of the window, to an earlier one: the participant,
     * if there, is no longer new in it, unless kept new (see {@link AuthorActivity#firstPostHere}).
     */
    void earliestPostLeft(long start, String participant) throws Exception;

    /** Forgets the window. */
    void remove(long start) throws Exception;
}
