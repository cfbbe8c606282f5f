package org.staffroom.metrics;

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

    public AuthorActivity() {}

    public AuthorActivity copy() {
        AuthorActivity c = new AuthorActivity();
        c.maxFollowers = maxFollowers;
        c.nonRetweetPosts = nonRetweetPosts;
        c.handle = handle;
        c.handleAt = handleAt;
        c.keptNew = keptNew;
        return c;
    }

    /** @param keepHandle only windows that rank top contributors name them by handle */
    public void add(Post post, boolean keepHandle) {
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
