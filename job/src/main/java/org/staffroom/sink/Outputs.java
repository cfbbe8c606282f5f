package org.staffroom.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.staffroom.model.LatePost;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.RejectedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;

/** Where the job's results go: one sink per output table. Tests may pass their own. */
public interface Outputs {
    Sink<WindowMetrics> hashtagMetrics();

    /** A hashtag's windows, one row per platform. */
    Sink<WindowMetrics> hashtagPlatformMetrics();

    Sink<WindowMetrics> chatSessionMetrics();

    /** A chat's sessions, one row per platform. */
    Sink<WindowMetrics> chatSessionPlatformMetrics();

    /** The chat hashtag's posts outside the sessions, per week of the chat. */
    Sink<WindowMetrics> chatWeekMetrics();

    Sink<TopAccount> topAccounts();

    Sink<RejectedPost> rejectedPosts();

    Sink<LatePost> latePosts();

    /** Posts their platform deleted: the database removes their content from every table. */
    Sink<PostDeletion> deletedPosts();
}
