package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;

/** A deletion, to its sink: the post's identity, whether the platform said when and when, when read. */
public final class PostDeletionSerializer extends CompactSerializer<PostDeletion> {
    private static final long serialVersionUID = 1L;
    public static final PostDeletionSerializer INSTANCE = new PostDeletionSerializer();

    private PostDeletionSerializer() {
        super(PostDeletion::new, Snapshot::new);
    }

    @Override
    public void serialize(PostDeletion deletion, DataOutputView out) throws IOException {
        Strings.write(deletion.platform, out);
        Strings.write(deletion.id, out);
        out.writeBoolean(deletion.deletedAt != null);
        if (deletion.deletedAt != null) {
            EventTimeSerializer.write(deletion.deletedAt, out);
        }
        EventTimeSerializer.write(deletion.receivedAt, out);
    }

    @Override
    public PostDeletion deserialize(DataInputView in) throws IOException {
        PostDeletion deletion = new PostDeletion();
        deletion.platform = Strings.read(in);
        deletion.id = Strings.read(in);
        if (in.readBoolean()) {
            deletion.deletedAt = EventTimeSerializer.read(in);
        }
        deletion.receivedAt = EventTimeSerializer.read(in);
        return deletion;
    }

    @Override
    public PostDeletion copy(PostDeletion from) {
        PostDeletion deletion = new PostDeletion();
        deletion.platform = from.platform;
        deletion.id = from.id;
        deletion.deletedAt = from.deletedAt;
        deletion.receivedAt = from.receivedAt;
        return deletion;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<PostDeletion> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<PostDeletion> {
        public TypeFactory() {
            super(PostDeletion.class, INSTANCE);
        }
    }
}
