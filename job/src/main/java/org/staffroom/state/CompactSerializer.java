package org.staffroom.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * A stateless serializer of one of the job's own state formats, written to be small: the heap
 * backend's checkpoints hold every entry in the form its serializer writes, and Flink's generic ones
 * spend a type flag and a null flag on every field and eight bytes on every long. The records that
 * travel between operators have formats of this kind too: Flink's POJO serializer reaches every field
 * by reflection. Subclasses write, read and copy (deeply: with object reuse, a sink keeps a copy of a
 * record its sender may change); a type that cannot change says so by overriding
 * {@link #isImmutableType()} and copying nothing.
 */
public abstract class CompactSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    private final SerializableSupplier<T> blank;
    private final SerializableSupplier<TypeSerializerSnapshot<T>> snapshot;

    /**
     * @param blank a new instance, for Flink's {@link #createInstance()}
     * @param snapshot a new snapshot of the format, of a class of its own: a checkpoint records the class's name
     */
    protected CompactSerializer(SerializableSupplier<T> blank, SerializableSupplier<TypeSerializerSnapshot<T>> snapshot) {
        this.blank = blank;
        this.snapshot = snapshot;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public T createInstance() {
        return blank.get();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return snapshot.get();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /**
     * The snapshot of a format: its version is all there is to it. State written in another version
     * of the format (or by another serializer) is incompatible, so a restore fails with Flink's
     * message naming the state rather than misreading bytes.
     */
    public abstract static class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private final int currentVersion;
        private final TypeSerializer<T> serializer;
        /** The version the snapshot was written in: the current one unless read from a checkpoint. */
        private int version;

        protected Snapshot(int currentVersion, TypeSerializer<T> serializer) {
            this.currentVersion = currentVersion;
            this.serializer = serializer;
            this.version = currentVersion;
        }

        @Override
        public int getCurrentVersion() {
            return currentVersion;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // nothing beyond the version, which Flink writes before the snapshot
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) {
            version = readVersion;
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            if (version != currentVersion) {
                throw new IllegalStateException(serializer.getClass().getSimpleName() + ": the state was written in version "
                        + version + " of its format, this job reads version " + currentVersion);
            }
            return serializer;
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old.getClass() == getClass() && ((Snapshot<T>) old).version == currentVersion
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
