package org.staffroom.metrics;

import java.util.function.Predicate;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;

/** One participant's part in one window. */
public class AuthorActivity {
    /** Largest follower count seen in the window, -1 while unknown. */
    public long maxFollowers = -1;
    /** Posts that are not retweets: a participant with any is a contributor. */
    public int nonRetweetPosts;
    /** The handle of the participant's latest post (by event time) that had one; null when none or not kept. */
    public String handle;
    public long handleAt = Long.MIN_VALUE;
    /**
     * New here whatever earlier post of theirs is read later: the window was over by event time
     * when that post came, so a run in which the window had been finalised first counts them new.
     */
    public boolean keptNew;
    /**
     * Whether the participant's earliest post seen so far lies in this window, as this object last
     * learnt it: set as their posts are added, cleared when an earlier post moves their earliest out
     * of the window, so that a row need not ask the first-seen state once per participant. Not in
     * snapshots: null (ask the state) after a restore, and always on RocksDB, where every read
     * deserialises.
     */
    public transient Boolean firstPostHere;

    public AuthorActivity() {}

    /**
     * Whether the participant counts as new in the window.
     *
     * @param firstPostInWindow asks the first-seen state whether the participant's earliest post
     *     lies in the window, where this object does not know
     */
    public boolean isNew(String participant, Predicate<String> firstPostInWindow) {
        return keptNew || (firstPostHere != null ? firstPostHere : firstPostInWindow.test(participant));
    }

    public AuthorActivity copy() {
        AuthorActivity c = new AuthorActivity();
        c.maxFollowers = maxFollowers;
        c.nonRetweetPosts = nonRetweetPosts;
        c.handle = handle;
        c.handleAt = handleAt;
        c.keptNew = keptNew;
        c.firstPostHere = firstPostHere;
        return c;
    }

    /**
     * @param firstPostHere whether the participant's earliest post seen so far, this one included,
     *     lies in the window
     * @param keepHandle only windows that rank top contributors name them by handle
     */
    public void add(Post post, boolean firstPostHere, boolean keepHandle) {
        this.firstPostHere = firstPostHere;
        maxFollowers = Math.max(maxFollowers, post.followers);
        nonRetweetPosts += PostFlags.has(post.flags, PostFlags.RETWEET) ? 0 : 1;
        // the latest handle by event time, ties by the smaller: the same whatever the arrival order
        if (keepHandle && post.authorHandle != null && (post.createdAt > handleAt
                || post.createdAt == handleAt && post.authorHandle.compareTo(handle) < 0)) {
            handle = post.authorHandle;
            handleAt = post.createdAt;
        }
    }
}
