package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/** A rejected record, to its sink: when read, where from, why, and its preview. */
public final class RejectedPostSerializer extends CompactSerializer<RejectedPost> {
    private static final long serialVersionUID = 1L;
    public static final RejectedPostSerializer INSTANCE = new RejectedPostSerializer();

    private RejectedPostSerializer() {
        super(RejectedPost::new, Snapshot::new);
    }

    @Override
    public void serialize(RejectedPost rejected, DataOutputView out) throws IOException {
        EventTimeSerializer.write(rejected.receivedAt, out);
        Strings.write(rejected.topic, out);
        Varints.writeSigned(out, rejected.partition);
        Varints.writeSigned(out, rejected.offset);
        Strings.write(rejected.reason, out);
        Strings.write(rejected.payload, out);
        Varints.writeSigned(out, rejected.payloadBytes);
    }

    @Override
    public RejectedPost deserialize(DataInputView in) throws IOException {
        RejectedPost rejected = new RejectedPost();
        rejected.receivedAt = EventTimeSerializer.read(in);
        rejected.topic = Strings.read(in);
        rejected.partition = (int) Varints.readSigned(in);
        rejected.offset = Varints.readSigned(in);
        rejected.reason = Strings.read(in);
        rejected.payload = Strings.read(in);
        rejected.payloadBytes = (int) Varints.readSigned(in);
        return rejected;
    }

    @Override
    public RejectedPost copy(RejectedPost from) {
        RejectedPost rejected = new RejectedPost();
        rejected.receivedAt = from.receivedAt;
        rejected.topic = from.topic;
        rejected.partition = from.partition;
        rejected.offset = from.offset;
        rejected.reason = from.reason;
        rejected.payload = from.payload;
        rejected.payloadBytes = from.payloadBytes;
        return rejected;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<RejectedPost> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<RejectedPost> {
        public TypeFactory() {
            super(RejectedPost.class, INSTANCE);
        }
    }
}
