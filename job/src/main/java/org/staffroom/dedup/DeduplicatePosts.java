package org.staffroom.dedup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.Post;

/**
 * Keyed by (platform, id): passes the first delivery of a post and drops the repeats (contract §1).
 * Each key is forgotten once the watermark is a horizon past the post (or past the moment it was
 * first seen, for a post that arrived late), so state stays bounded while every repeat within the
 * horizon of event time is still caught. Event-time timers, because Flink's state TTL only knows
 * processing time and a replay of a year would otherwise forget nothing or everything.
 */
public class DeduplicatePosts extends KeyedProcessFunction<String, Post, Post> {
    private static final long serialVersionUID = 1L;

    private final long horizonMillis;
    private transient ValueState<Boolean> seen;

    public DeduplicatePosts(long horizonMillis) {
        this.horizonMillis = horizonMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Post> out) throws Exception {
        if (seen.value() != null) {
            return;
        }
        seen.update(Boolean.TRUE);
        long from = Math.max(post.createdAt, ctx.timerService().currentWatermark());
        ctx.timerService().registerEventTimeTimer(saturatedAdd(from, horizonMillis));
        out.collect(post);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) {
        seen.clear();
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
