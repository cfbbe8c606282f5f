package org.staffroom.metrics;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.EngagementCountsSerializer;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A window's totals: its end, whether written, and per platform its counts, each a
 * variable-length number (most fit one or two bytes; eight each, and flags, before).
 */
public final class WindowTotalsSerializer extends CompactSerializer<WindowTotals> {
    private static final long serialVersionUID = 1L;
    public static final WindowTotalsSerializer INSTANCE = new WindowTotalsSerializer();

    private WindowTotalsSerializer() {
        super(WindowTotals::new, Snapshot::new);
    }

    @Override
    public void serialize(WindowTotals t, DataOutputView out) throws IOException {
        EventTimeSerializer.write(t.end, out);
        out.writeBoolean(t.emitted);
        Varints.writeUnsigned(out, t.byPlatform.size());
        for (Map.Entry<String, EngagementCounts> platform : t.byPlatform.entrySet()) {
            Strings.write(platform.getKey(), out);
            EngagementCountsSerializer.INSTANCE.serialize(platform.getValue(), out);
        }
    }

    @Override
    public WindowTotals deserialize(DataInputView in) throws IOException {
        WindowTotals t = new WindowTotals();
        t.end = EventTimeSerializer.read(in);
        t.emitted = in.readBoolean();
        for (int n = Varints.readSize(in); n > 0; n--) {
            t.byPlatform.put(Strings.read(in), EngagementCountsSerializer.INSTANCE.deserialize(in));
        }
        return t;
    }

    @Override
    public WindowTotals copy(WindowTotals from) {
        return from.copy();
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<WindowTotals> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
