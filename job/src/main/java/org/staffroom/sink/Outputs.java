package org.staffroom.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.staffroom.model.HashtagWindowMetrics;
import org.staffroom.model.LatePost;
import org.staffroom.model.RejectedPost;

/** Where the job's results go: one sink per output table. Tests may pass their own. */
public interface Outputs {
    Sink<HashtagWindowMetrics> hashtagMetrics();

    Sink<RejectedPost> rejectedPosts();

    Sink<LatePost> latePosts();
}
