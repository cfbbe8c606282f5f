package org.staffroom.windows;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.AuthorActivitySerializer;
import org.staffroom.metrics.WindowTotalsSerializer;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.PlatformIdSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A whole window of the heap layout: its totals, then each participant (a compact key and
 * activity), then each mentioned account with its count. The participants are most of the heap
 * state's bytes after first-seen.
 */
public final class WindowAccumulatorSerializer extends CompactSerializer<WindowAccumulator> {
    private static final long serialVersionUID = 1L;
    public static final WindowAccumulatorSerializer INSTANCE = new WindowAccumulatorSerializer();

    private WindowAccumulatorSerializer() {
        super(WindowAccumulator::new, Snapshot::new);
    }

    @Override
    public void serialize(WindowAccumulator acc, DataOutputView out) throws IOException {
        WindowTotalsSerializer.INSTANCE.serialize(acc.totals, out);
        Varints.writeUnsigned(out, acc.authors.size());
        for (Map.Entry<String, AuthorActivity> author : acc.authors.entrySet()) {
            PlatformIdSerializer.INSTANCE.serialize(author.getKey(), out);
            AuthorActivitySerializer.INSTANCE.serialize(author.getValue(), out);
        }
        Varints.writeUnsigned(out, acc.mentions.size());
        for (Map.Entry<String, Long> mention : acc.mentions.entrySet()) {
            Strings.write(mention.getKey(), out);
            Varints.writeSigned(out, mention.getValue());
        }
    }

    @Override
    public WindowAccumulator deserialize(DataInputView in) throws IOException {
        WindowAccumulator acc = new WindowAccumulator();
        acc.totals = WindowTotalsSerializer.INSTANCE.deserialize(in);
        for (int n = Varints.readSize(in); n > 0; n--) {
            acc.authors.put(PlatformIdSerializer.INSTANCE.deserialize(in), AuthorActivitySerializer.INSTANCE.deserialize(in));
        }
        for (int n = Varints.readSize(in); n > 0; n--) {
            acc.mentions.put(Strings.read(in), Varints.readSigned(in));
        }
        return acc;
    }

    /** Deep: the heap backend copies a window a checkpoint still holds before it changes. */
    @Override
    public WindowAccumulator copy(WindowAccumulator from) {
        WindowAccumulator acc = new WindowAccumulator();
        acc.totals = from.totals.copy();
        from.authors.forEach((participant, activity) -> acc.authors.put(participant, activity.copy()));
        acc.mentions.putAll(from.mentions);
        return acc;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<WindowAccumulator> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
