package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.Varints;

/**
 * What a Kafka record became, from the source to the operator that routes it (chained, so written
 * only if a source's output ever is): a byte of which parts follow, each part, the partition.
 */
public final class ParsedRecordSerializer extends CompactSerializer<ParsedRecord> {
    private static final long serialVersionUID = 1L;
    public static final ParsedRecordSerializer INSTANCE = new ParsedRecordSerializer();

    private static final int POST = 1;
    private static final int DELETION = 2;
    private static final int REJECTED = 4;

    private ParsedRecordSerializer() {
        super(ParsedRecord::new, Snapshot::new);
    }

    @Override
    public void serialize(ParsedRecord record, DataOutputView out) throws IOException {
        out.writeByte((record.post != null ? POST : 0) | (record.deletion != null ? DELETION : 0)
                | (record.rejected != null ? REJECTED : 0));
        if (record.post != null) {
            PostSerializer.INSTANCE.serialize(record.post, out);
        }
        if (record.deletion != null) {
            PostDeletionSerializer.INSTANCE.serialize(record.deletion, out);
        }
        if (record.rejected != null) {
            RejectedPostSerializer.INSTANCE.serialize(record.rejected, out);
        }
        Varints.writeSigned(out, record.partition);
    }

    @Override
    public ParsedRecord deserialize(DataInputView in) throws IOException {
        int parts = in.readUnsignedByte();
        ParsedRecord record = new ParsedRecord();
        if ((parts & POST) != 0) {
            record.post = PostSerializer.INSTANCE.deserialize(in);
        }
        if ((parts & DELETION) != 0) {
            record.deletion = PostDeletionSerializer.INSTANCE.deserialize(in);
        }
        if ((parts & REJECTED) != 0) {
            record.rejected = RejectedPostSerializer.INSTANCE.deserialize(in);
        }
        record.partition = (int) Varints.readSigned(in);
        return record;
    }

    @Override
    public ParsedRecord copy(ParsedRecord from) {
        ParsedRecord record = new ParsedRecord();
        record.post = from.post == null ? null : PostSerializer.INSTANCE.copy(from.post);
        record.deletion = from.deletion == null ? null : PostDeletionSerializer.INSTANCE.copy(from.deletion);
        record.rejected = from.rejected == null ? null : RejectedPostSerializer.INSTANCE.copy(from.rejected);
        record.partition = from.partition;
        return record;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<ParsedRecord> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<ParsedRecord> {
        public TypeFactory() {
            super(ParsedRecord.class, INSTANCE);
        }
    }
}
