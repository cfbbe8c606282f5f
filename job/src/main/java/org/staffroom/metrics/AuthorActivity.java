package org.staffroom.metrics;

/** One participant's part in one window. */
public class AuthorActivity {
    /** Largest follower count seen in the window, -1 while unknown. */
    public long maxFollowers = -1;
    /** Posts that are not retweets: a participant with any is a contributor. */
    public int nonRetweetPosts;
    /** The handle of the participant's latest post (by event time) that had one, or null (or not kept: see WindowAccumulator). */
    public String handle;
    public long handleAt = Long.MIN_VALUE;

    public AuthorActivity() {}
}
