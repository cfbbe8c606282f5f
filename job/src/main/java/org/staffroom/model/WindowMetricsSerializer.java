package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A window's row, from the windows to the sinks in tasks of their own: a byte of flags (final,
 * whether counts follow), the names, the start and the window's length, then the counts.
 */
public final class WindowMetricsSerializer extends CompactSerializer<WindowMetrics> {
    private static final long serialVersionUID = 1L;
    public static final WindowMetricsSerializer INSTANCE = new WindowMetricsSerializer();

    private static final int FINAL = 1;
    private static final int COUNTS = 2;

    private WindowMetricsSerializer() {
        super(WindowMetrics::new, Snapshot::new);
    }

    @Override
    public void serialize(WindowMetrics row, DataOutputView out) throws IOException {
        out.writeByte((row.isFinal ? FINAL : 0) | (row.counts != null ? COUNTS : 0));
        Strings.write(row.scope, out);
        Strings.write(row.platform, out);
        Strings.write(row.windowSize, out);
        EventTimeSerializer.write(row.windowStart, out);
        // the subtraction wraps, and the addition back too: any pair of longs reads back exactly
        Varints.writeSigned(out, row.windowEnd - row.windowStart);
        Varints.writeSigned(out, row.retainedFromPrevious);
        if (row.counts != null) {
            EngagementCountsSerializer.INSTANCE.serialize(row.counts, out);
        }
    }

    @Override
    public WindowMetrics deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        WindowMetrics row = new WindowMetrics();
        row.isFinal = (flags & FINAL) != 0;
        row.scope = Strings.read(in);
        row.platform = Strings.read(in);
        row.windowSize = Strings.read(in);
        row.windowStart = EventTimeSerializer.read(in);
        row.windowEnd = row.windowStart + Varints.readSigned(in);
        row.retainedFromPrevious = Varints.readSigned(in);
        if ((flags & COUNTS) != 0) {
            row.counts = EngagementCountsSerializer.INSTANCE.deserialize(in);
        }
        return row;
    }

    @Override
    public WindowMetrics copy(WindowMetrics from) {
        return new WindowMetrics(from.scope, from.platform, from.windowSize, from.windowStart, from.windowEnd,
                from.counts == null ? null : from.counts.copy(), from.retainedFromPrevious, from.isFinal);
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<WindowMetrics> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<WindowMetrics> {
        public TypeFactory() {
            super(WindowMetrics.class, INSTANCE);
        }
    }
}
