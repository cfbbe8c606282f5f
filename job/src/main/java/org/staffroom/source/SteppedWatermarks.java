package org.staffroom.source;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.staffroom.model.ParsedRecord;

/**
 * Bounded out-of-orderness for a bounded run: the watermark is emitted as posts move it on, a
 * step at a time, never on the wall clock. A bounded input ends without a last periodic watermark,
 * so with periodic ones which windows end final would depend on timing; with these it depends on
 * the posts alone, and the same input leaves the same windows open every time.
 */
final class SteppedWatermarks implements WatermarkGenerator<ParsedRecord> {
    /** One watermark per minute of event time at most: a few thousand for a year of posts. */
    static final long STEP_MILLIS = 60_000;

    private final long outOfOrdernessMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    SteppedWatermarks(long outOfOrdernessMillis) {
        this.outOfOrdernessMillis = outOfOrdernessMillis;
    }

    @Override
    public void onEvent(ParsedRecord record, long eventTimestamp, WatermarkOutput output) {
        if (record.post == null || eventTimestamp <= maxTimestamp) {
            return;
        }
        maxTimestamp = eventTimestamp;
        long watermark = maxTimestamp - outOfOrdernessMillis - 1;
        if (emitted == Long.MIN_VALUE || watermark - emitted >= STEP_MILLIS) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // only on events: see the class comment
    }
}
