package org.staffroom.metrics;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.staffroom.model.EngagementCounts;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Varints;

/**
 * A window's totals: its end, whether written, and per platform its counts, each a
 * variable-length number (most fit one or two bytes; eight each, and flags, before).
 */
public final class WindowTotalsSerializer extends CompactSerializer<WindowTotals> {
    private static final long serialVersionUID = 1L;
    public static final WindowTotalsSerializer INSTANCE = new WindowTotalsSerializer();

    private WindowTotalsSerializer() {}

    @Override
    public void serialize(WindowTotals t, DataOutputView out) throws IOException {
        EventTimeSerializer.write(t.end, out);
        out.writeBoolean(t.emitted);
        Varints.writeUnsigned(out, t.byPlatform.size());
        for (Map.Entry<String, EngagementCounts> platform : t.byPlatform.entrySet()) {
            StringValue.writeString(platform.getKey(), out);
            writeCounts(platform.getValue(), out);
        }
    }

    @Override
    public WindowTotals deserialize(DataInputView in) throws IOException {
        WindowTotals t = new WindowTotals();
        t.end = EventTimeSerializer.read(in);
        t.emitted = in.readBoolean();
        for (int n = Varints.readSize(in); n > 0; n--) {
            t.byPlatform.put(StringValue.readString(in), readCounts(in));
        }
        return t;
    }

    private static void writeCounts(EngagementCounts c, DataOutputView out) throws IOException {
        for (long count : new long[] {c.posts, c.originals, c.retweets, c.replies, c.quotes, c.withLink,
                c.withMention, c.withCotag, c.brokering, c.questions, c.participants, c.contributors,
                c.newParticipants, c.returningParticipants, c.reach}) {
            Varints.writeSigned(out, count);
        }
    }

    private static EngagementCounts readCounts(DataInputView in) throws IOException {
        EngagementCounts c = new EngagementCounts();
        c.posts = Varints.readSigned(in);
        c.originals = Varints.readSigned(in);
        c.retweets = Varints.readSigned(in);
        c.replies = Varints.readSigned(in);
        c.quotes = Varints.readSigned(in);
        c.withLink = Varints.readSigned(in);
        c.withMention = Varints.readSigned(in);
        c.withCotag = Varints.readSigned(in);
        c.brokering = Varints.readSigned(in);
        c.questions = Varints.readSigned(in);
        c.participants = Varints.readSigned(in);
        c.contributors = Varints.readSigned(in);
        c.newParticipants = Varints.readSigned(in);
        c.returningParticipants = Varints.readSigned(in);
        c.reach = Varints.readSigned(in);
        return c;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public WindowTotals createInstance() {
        return new WindowTotals();
    }

    @Override
    public WindowTotals copy(WindowTotals from) {
        return from.copy();
    }

    @Override
    public TypeSerializerSnapshot<WindowTotals> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<WindowTotals> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
