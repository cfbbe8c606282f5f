package org.staffroom.windows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.AuthorActivitySerializer;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.metrics.WindowTotalsSerializer;
import org.staffroom.model.Post;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.MapStates;

/**
 * Windows laid out for RocksDB: per window its post totals, and per participant and per mentioned
 * account one map entry of their own. A post then reads and writes only the entries it touches:
 * with one value per window, RocksDB read and wrote every participant of the window for every post
 * (989 posts/s on the benchmark). Whole windows are read (by a scan) only when a row is written.
 */
final class EntryWindowStore implements WindowStore {
    private final MapState<Long, WindowTotals> totals;
    private final MapState<WindowMember, AuthorActivity> participants;
    private final MapState<WindowMember, Long> mentioned;

    EntryWindowStore(RuntimeContext context, String label) {
        totals = context.getMapState(new MapStateDescriptor<>(
                "totals-" + label, EventTimeSerializer.INSTANCE, WindowTotalsSerializer.INSTANCE));
        participants = context.getMapState(new MapStateDescriptor<>(
                "participants-" + label, WindowMemberSerializer.INSTANCE, AuthorActivitySerializer.INSTANCE));
        mentioned = context.getMapState(new MapStateDescriptor<>(
                "mentioned-" + label, WindowMemberSerializer.INSTANCE, LongSerializer.INSTANCE));
    }

    @Override
    public WindowTotals add(long start, long end, Post post, String participant, long earliest, boolean cotag,
            boolean ranksAccounts) throws Exception {
        WindowTotals t = totals.get(start);
        if (t == null) {
            t = new WindowTotals();
            t.end = end;
        }
        return count(t, start, post, participant, earliest, cotag, ranksAccounts);
    }

    @Override
    public WindowTotals addToOpen(long start, long end, Post post, String participant, long earliest,
            boolean cotag, boolean ranksAccounts) throws Exception {
        WindowTotals t = totals.get(start);
        return t == null || t.end > end ? null : count(t, start, post, participant, earliest, cotag, ranksAccounts);
    }

    private WindowTotals count(WindowTotals t, long start, Post post, String participant, long earliest,
            boolean cotag, boolean ranksAccounts) throws Exception {
        t.add(post, cotag);
        totals.put(start, t);

        WindowMember author = new WindowMember(start, participant);
        AuthorActivity a = participants.get(author);
        a = a == null ? new AuthorActivity() : a;
        a.add(post, earliest >= start, ranksAccounts);
        participants.put(author, a);

        if (ranksAccounts) {
            for (String account : post.mentions) {
                WindowMember m = new WindowMember(start, account);
                Long n = mentioned.get(m);
                mentioned.put(m, n == null ? 1L : n + 1);
            }
        }
        return t;
    }

    @Override
    public WindowTotals totals(long start) throws Exception {
        return totals.get(start);
    }

    @Override
    public void update(long start, WindowTotals t) throws Exception {
        totals.put(start, t);
    }

    @Override
    public List<Long> starts() throws Exception {
        return MapStates.sortedKeys(totals);
    }

    @Override
    public List<Long> startsEndedBy(long time) throws Exception {
        return MapStates.sortedKeys(totals, (start, t) -> t.end - 1 <= time);
    }

    @Override
    public Map<String, AuthorActivity> participants(long start) throws Exception {
        return of(participants, start);
    }

    @Override
    public Map<String, Long> mentioned(long start) throws Exception {
        return of(mentioned, start);
    }

    @Override
    public void keepNew(long start, String participant) throws Exception {
        WindowMember member = new WindowMember(start, participant);
        AuthorActivity activity = participants.get(member);
        if (activity != null) {
            activity.keptNew = true;
            participants.put(member, activity);
        }
    }

    /** Nothing to forget: an activity read from RocksDB never knows whether it holds the earliest post. */
    @Override
    public void earliestPostLeft(long start, String participant) {}

    @Override
    public void remove(long start) throws Exception {
        totals.remove(start);
        MapStates.removeIf(participants, (member, activity) -> member.start == start);
        MapStates.removeIf(mentioned, (member, posts) -> member.start == start);
    }

    private static <V> Map<String, V> of(MapState<WindowMember, V> state, long start) throws Exception {
        Map<String, V> members = new HashMap<>();
        for (Map.Entry<WindowMember, V> e : state.entries()) {
            if (e.getKey().start == start) {
                members.put(e.getKey().name, e.getValue());
            }
        }
        return members;
    }
}
