package org.staffroom.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Test helpers: a value's bytes under a serializer, and back; a snapshot written and read as a checkpoint does. */
public final class Serialized {
    private Serialized() {}

    public static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    /** The value read back from its bytes, which it must use up exactly; also through {@code copy} of the bytes. */
    public static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        byte[] bytes = bytes(serializer, value);
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T read = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left unread").isZero();
        DataOutputSerializer copied = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(bytes), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
        return read;
    }

    /** The serializer's snapshot as a checkpoint stores it, read back. */
    public static <T> TypeSerializerSnapshot<T> snapshotReadBack(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), Serialized.class.getClassLoader());
    }

    /** Whether state written with {@code old}'s serializer restores, as is, under {@code serializer}. */
    public static <T> TypeSerializerSchemaCompatibility<T> restoring(TypeSerializer<T> serializer,
            TypeSerializerSnapshot<T> old) throws IOException {
        return serializer.snapshotConfiguration().resolveSchemaCompatibility(snapshotReadBack(old));
    }
}
