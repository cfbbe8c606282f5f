package org.staffroom.windows;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.PlatformIdSerializer;

/** The RocksDB layout's map key of a participant or mentioned account: the window's start and the name, compactly. */
public final class WindowMemberSerializer extends CompactSerializer<WindowMember> {
    private static final long serialVersionUID = 1L;
    public static final WindowMemberSerializer INSTANCE = new WindowMemberSerializer();

    private WindowMemberSerializer() {
        super(WindowMember::new, Snapshot::new);
    }

    @Override
    public void serialize(WindowMember member, DataOutputView out) throws IOException {
        EventTimeSerializer.write(member.start, out);
        PlatformIdSerializer.INSTANCE.serialize(member.name, out);
    }

    @Override
    public WindowMember deserialize(DataInputView in) throws IOException {
        long start = EventTimeSerializer.read(in);
        return new WindowMember(start, PlatformIdSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public WindowMember copy(WindowMember from) {
        return new WindowMember(from.start, from.name);
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<WindowMember> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
