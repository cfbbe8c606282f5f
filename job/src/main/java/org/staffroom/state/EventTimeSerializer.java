package org.staffroom.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Event times (epoch milliseconds) in state: first-seen times, when a post may be forgotten,
 * window starts and ends. Written as the distance from 2020-01-01, zig-zagged: six bytes for any
 * time within 69 years of it, not eight; any long, {@code Long.MIN_VALUE} and {@code MAX_VALUE}
 * included, round-trips exactly (the subtraction wraps, and so does the addition back).
 */
public final class EventTimeSerializer extends CompactSerializer<Long> {
    private static final long serialVersionUID = 1L;
    public static final EventTimeSerializer INSTANCE = new EventTimeSerializer();
    /** 2020-01-01T00:00:00Z. */
    private static final long BASE = 1_577_836_800_000L;

    private EventTimeSerializer() {
        super(() -> 0L, Snapshot::new);
    }

    public static void write(long time, DataOutput out) throws IOException {
        Varints.writeSigned(out, time - BASE);
    }

    public static long read(DataInput in) throws IOException {
        return Varints.readSigned(in) + BASE;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Long copy(Long from) {
        return from;
    }

    @Override
    public void serialize(Long time, DataOutputView target) throws IOException {
        write(time, target);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<Long> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
