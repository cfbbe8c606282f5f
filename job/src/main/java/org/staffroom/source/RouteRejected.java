package org.staffroom.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.RejectedPost;
import org.staffroom.parse.RejectionKind;

/**
 * Accepted posts go on; rejected records go to a side output for rejected_posts, deletion events
 * to one for deleted_posts (they count for nothing and move no event time). Posts without a
 * hashtag count for nothing (contract §2), so they stop here and cost no de-duplication state.
 *
 * <p>Each accepted post is stamped with the event time its partition has reached
 * ({@link Post#eventTimeAtRead}), from the partition's posts alone and kept in this operator's
 * state, so that a restore stamps a post read again exactly as the first reading did. Periodic
 * watermarks cannot decide lateness the same way twice: read again in the burst after a restore, a
 * late post can overtake the watermark that, the first time, had come before it.
 *
 * <p>Metrics (README, "Operating Staffroom"): {@code postsAccepted}, {@code postsWithoutHashtags},
 * {@code deletionsRead}, {@code recordsRejected} by {@code reason} ({@link RejectionKind}), and
 * {@code eventTimeLagMs}, the wall clock less the event time this subtask's partitions have reached
 * (the slowest one's latest createdAt less the out-of-orderness, as its watermark).
 *
 * <p>Accumulators, for the progress lines of the client that waits for the job: {@value #RECORDS_READ}, every
 * record read, and {@value #EVENT_TIME_REACHED}, the latest createdAt of an accepted post (epoch milliseconds).
 */
public class RouteRejected extends ProcessFunction<ParsedRecord, Post> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedPost> REJECTED = new OutputTag<>("rejected") {};
    public static final OutputTag<PostDeletion> DELETED = new OutputTag<>("deleted") {};
    public static final String RECORDS_READ = "staffroom-records-read";
    public static final String EVENT_TIME_REACHED = "staffroom-event-time-reached";

    private final long outOfOrdernessMillis;
    /** partition → its latest createdAt so far ({@code Long.MIN_VALUE} for none). */
    private transient long[] latest;
    private transient ListState<Tuple2<Integer, Long>> stored;
    private transient Counter accepted;
    private transient Counter withoutHashtags;
    private transient Counter deletions;
    private transient Map<RejectionKind, Counter> rejected;
    private transient LongCounter read;
    private transient LongMaximum eventTimeReached;

    public RouteRejected(long outOfOrdernessMillis) {
        this.outOfOrdernessMillis = outOfOrdernessMillis;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        latest = new long[0];
        // union: after a rescale a partition may be read by another subtask, which must know where it was
        stored = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("partition-event-time", Types.TUPLE(Types.INT, Types.LONG)));
        for (Tuple2<Integer, Long> p : stored.get()) {
            advance(p.f0, p.f1);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<Tuple2<Integer, Long>> progress = new ArrayList<>();
        for (int p = 0; p < latest.length; p++) {
            if (latest[p] != Long.MIN_VALUE) {
                progress.add(Tuple2.of(p, latest[p]));
            }
        }
        stored.update(progress);
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        accepted = metrics.counter("postsAccepted");
        withoutHashtags = metrics.counter("postsWithoutHashtags");
        deletions = metrics.counter("deletionsRead");
        rejected = new EnumMap<>(RejectionKind.class);
        for (RejectionKind kind : RejectionKind.values()) {
            rejected.put(kind, metrics.addGroup("reason", kind.label()).counter("recordsRejected"));
        }
        metrics.gauge("eventTimeLagMs", (Gauge<Long>) this::eventTimeLagMillis);
        read = new LongCounter();
        eventTimeReached = new LongMaximum();
        getRuntimeContext().addAccumulator(RECORDS_READ, read);
        getRuntimeContext().addAccumulator(EVENT_TIME_REACHED, eventTimeReached);
    }

    /** Read by the reporter's thread: a stale array or entry only delays the figure by a report. */
    private long eventTimeLagMillis() {
        long slowest = Long.MAX_VALUE;
        for (long reached : latest) {
            if (reached != Long.MIN_VALUE) {
                slowest = Math.min(slowest, reached);
            }
        }
        return slowest == Long.MAX_VALUE ? -1L : System.currentTimeMillis() - (slowest - outOfOrdernessMillis);
    }

    @Override
    public void processElement(ParsedRecord record, Context ctx, Collector<Post> out) {
        read.add(1);
        if (record.rejected != null) {
            rejected.get(RejectionKind.of(record.rejected.reason)).inc();
            ctx.output(REJECTED, record.rejected);
            return;
        }
        if (record.deletion != null) {
            deletions.inc();
            ctx.output(DELETED, record.deletion);
            return;
        }
        accepted.inc();
        Post post = record.post;
        eventTimeReached.add(post.createdAt);
        long reached = advance(record.partition, post.createdAt);
        // as the watermark of bounded out-of-orderness: a post exactly the bound late is on time
        post.eventTimeAtRead = reached == Long.MIN_VALUE ? reached : reached - outOfOrdernessMillis - 1;
        if (post.hashtags.length > 0) {
            out.collect(post);
        } else {
            withoutHashtags.inc();
        }
    }

    /** Notes a post's event time on its partition; returns the partition's latest. */
    private long advance(int partition, long createdAt) {
        if (partition >= latest.length) {
            int size = latest.length;
            latest = Arrays.copyOf(latest, partition + 1);
            Arrays.fill(latest, size, latest.length, Long.MIN_VALUE);
        }
        latest[partition] = Math.max(latest[partition], createdAt);
        return latest[partition];
    }
}
