package org.staffroom.dedup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.Post;
import org.staffroom.state.EntryCount;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.MapStates;
import org.staffroom.state.PlatformIdSerializer;
import org.staffroom.state.WatermarkMemory;

/**
 * Passes the first delivery of a post and drops the repeats (contract §1). A post is remembered
 * until the watermark is a horizon past it (or past the moment it was first seen, for a post that
 * arrived late), so state stays bounded while every repeat within the horizon of event time is
 * still caught. Event time, because Flink's state TTL only knows processing time and a replay of a
 * year would otherwise forget nothing or everything.
 *
 * <p>Keyed by one of {@link #BUCKETS} buckets of (platform, id), not by the post itself: one timer
 * per post (a heap entry, and a hash-set entry beside it) cost more state than the post's own key
 * and 16% of the job's CPU. Each bucket instead keeps a map from post to the event time it may be
 * forgotten at, and sweeps it on a timer shared by every post expiring in the same
 * {@link #SWEEPS_PER_HORIZON}th of the horizon.
 *
 * <p>Event time is remembered across restores ({@link WatermarkMemory}), and the end of the input
 * forgets nothing: a run resumed from a drained savepoint still knows every post of the horizon.
 */
public class DeduplicatePosts extends KeyedProcessFunction<Integer, Post, Post> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    /** Far more than any parallelism (Flink's default maximum is 128 key groups), so every subtask gets a share. */
    public static final int BUCKETS = 4096;
    /** An expired post is kept at most 1/8 of the horizon longer; a sweep visits each entry about 9 times. */
    static final int SWEEPS_PER_HORIZON = 8;

    private final long horizonMillis;
    private final long sweepMillis;
    /** identity → event time from which the post is forgotten. */
    private transient MapState<String, Long> forgetAt;
    /** Set when the input ended: the sweeps' timers have fired and are re-armed on resume. */
    private transient ValueState<Boolean> inputEnded;
    private transient WatermarkMemory watermark;
    /** The metric {@code duplicatesDropped}: redeliveries within the horizon. */
    private transient Counter duplicates;
    /** The gauge {@code postsRemembered}: posts in {@link #forgetAt}. */
    private transient EntryCount postsRemembered;

    public DeduplicatePosts(long horizonMillis) {
        this.horizonMillis = horizonMillis;
        this.sweepMillis = Math.max(1, horizonMillis / SWEEPS_PER_HORIZON);
    }

    /** The key of a post: its bucket, from the (cached) hashes of platform and id. */
    public static int bucketOf(Post post) {
        return Math.floorMod(31 * post.platform.hashCode() + post.id.hashCode(), BUCKETS);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        watermark = new WatermarkMemory();
        watermark.initialize(context);
        postsRemembered = new EntryCount("postsRemembered");
        postsRemembered.initialize(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        watermark.snapshot();
        postsRemembered.snapshot();
    }

    @Override
    public void open(OpenContext openContext) {
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        postsRemembered.register(getRuntimeContext().getMetricGroup());
        forgetAt = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("forget-at", PlatformIdSerializer.INSTANCE, EventTimeSerializer.INSTANCE));
        inputEnded = getRuntimeContext().getState(new ValueStateDescriptor<>("input-ended", Types.BOOLEAN));
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Post> out) throws Exception {
        String identity = post.identity();
        // the post's own partition decides, the same in every run (see RouteRejected)
        long now = Math.max(watermark.current(ctx.timerService()), post.eventTimeAtRead);
        Long remembered = forgetAt.get(identity);
        if (remembered != null && remembered > now) {
            duplicates.inc();
            return;
        }
        long forget = saturatedAdd(Math.max(post.createdAt, now), horizonMillis);
        forgetAt.put(identity, forget);
        if (remembered == null) {
            postsRemembered.added();
        }
        ctx.timerService().registerEventTimeTimer(sweepAt(forget));
        out.collect(post);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            // resumed after the end of the input: the sweeps' timers fired then, without sweeping
            inputEnded.clear();
            for (Long forget : forgetAt.values()) {
                ctx.timerService().registerEventTimeTimer(sweepAt(forget));
            }
            return;
        }
        long now = watermark.current(ctx.timerService());
        if (WatermarkMemory.isEndOfInput(now)) {
            if (inputEnded.value() == null) {
                inputEnded.update(true);
                // fires at once in a resumed run; an event-time timer would fire again right now
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
            }
            return;
        }
        postsRemembered.removed(MapStates.removeIf(forgetAt, (identity, forget) -> forget <= now));
    }

    /** The first sweep at or after {@code forget}: sweeps fall on multiples of the sweep interval. */
    private long sweepAt(long forget) {
        long rest = Math.floorMod(forget, sweepMillis);
        return rest == 0 ? forget : saturatedAdd(forget, sweepMillis - rest);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
