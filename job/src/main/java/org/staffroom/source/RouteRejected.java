package org.staffroom.source;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.RejectedPost;

/**
 * Accepted posts go on; rejected records go to a side output for rejected_posts. Posts without a
 * hashtag count for nothing (contract §2), so they stop here and cost no de-duplication state.
 */
public class RouteRejected extends ProcessFunction<ParsedRecord, Post> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedPost> REJECTED = new OutputTag<>("rejected") {};

    @Override
    public void processElement(ParsedRecord record, Context ctx, Collector<Post> out) {
        if (record.rejected != null) {
            ctx.output(REJECTED, record.rejected);
        } else if (record.post.hashtags.length > 0) {
            out.collect(record.post);
        }
    }
}
