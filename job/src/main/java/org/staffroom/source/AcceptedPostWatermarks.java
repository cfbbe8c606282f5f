package org.staffroom.source;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;
import org.staffroom.model.ParsedRecord;

/**
 * The event time of one Kafka partition, made by its accepted posts only: the watermark trails the
 * latest {@code createdAt} by the out-of-orderness, and the partition is idle once no accepted post
 * has come for the idle timeout. Rejected records carry no event time and are no activity either:
 * with Flink's {@code withIdleness}, which counts every record, a partition carrying only rejected
 * records never went idle and held back event time, so no window anywhere became final.
 *
 * <p>Activity is noted at each periodic emit (by default every 200 ms), as Flink's own idleness
 * does, so the clock is not read per record: a partition goes idle between the timeout and the
 * timeout plus one emit interval after its last accepted post.
 *
 * <p>A bounded run emits its watermarks as posts move event time on, a {@link #STEP_MILLIS} at a
 * time, never on the wall clock: a bounded input ends without a last periodic watermark, so which
 * windows its end leaves open would depend on timing; this way it depends on the posts alone.
 */
public final class AcceptedPostWatermarks implements WatermarkGenerator<ParsedRecord> {
    /** In a bounded run, one watermark per minute of event time at most: a few thousand for a year of posts. */
    static final long STEP_MILLIS = 60_000;

    private final long outOfOrdernessMillis;
    private final long idleTimeoutNanos;
    /** Whether watermarks come from the posts ({@link #STEP_MILLIS} apart) instead of the periodic emit. */
    private final boolean stepped;
    private long emitted = Long.MIN_VALUE;
    /** Flink's input activity clock, which stands still while the source is back-pressured. */
    private final RelativeClock clock;

    private long latestCreatedAt = Long.MIN_VALUE;
    private boolean acceptedSinceLastEmit;
    private long lastActivityNanos;
    private boolean idle;

    public AcceptedPostWatermarks(Duration outOfOrderness, Duration idleTimeout, boolean stepped, RelativeClock clock) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.stepped = stepped;
        this.clock = clock;
        this.lastActivityNanos = clock.relativeTimeNanos();
    }

    @Override
    public void onEvent(ParsedRecord record, long timestamp, WatermarkOutput output) {
        if (record.post == null) {
            return;
        }
        latestCreatedAt = Math.max(latestCreatedAt, record.post.createdAt);
        acceptedSinceLastEmit = true;
        if (idle) {
            idle = false;
            output.markActive();
        }
        if (stepped && (emitted == Long.MIN_VALUE || watermark() - emitted >= STEP_MILLIS)) {
            emitted = watermark();
            output.emitWatermark(new Watermark(emitted));
        }
    }

    /** As Flink's bounded out-of-orderness: a post exactly the bound late is still on time. */
    private long watermark() {
        return latestCreatedAt - outOfOrdernessMillis - 1;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.relativeTimeNanos();
        if (acceptedSinceLastEmit) {
            acceptedSinceLastEmit = false;
            lastActivityNanos = now;
        } else if (!idle && now - lastActivityNanos > idleTimeoutNanos) {
            idle = true;
            output.markIdle();
        }
        if (!stepped && !idle && latestCreatedAt != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(watermark()));
        }
    }
}
