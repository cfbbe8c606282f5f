package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.StringArrays;
import org.staffroom.state.Strings;

/** A late post, to its sink: the post's identity, the scope, its times, its hashtags and the windows missed. */
public final class LatePostSerializer extends CompactSerializer<LatePost> {
    private static final long serialVersionUID = 1L;
    public static final LatePostSerializer INSTANCE = new LatePostSerializer();

    private LatePostSerializer() {
        super(LatePost::new, Snapshot::new);
    }

    @Override
    public void serialize(LatePost late, DataOutputView out) throws IOException {
        Strings.write(late.platform, out);
        Strings.write(late.id, out);
        Strings.write(late.scope, out);
        EventTimeSerializer.write(late.createdAt, out);
        EventTimeSerializer.write(late.receivedAt, out);
        StringArrays.write(late.hashtags, out);
        StringArrays.write(late.missed, out);
    }

    @Override
    public LatePost deserialize(DataInputView in) throws IOException {
        LatePost late = new LatePost();
        late.platform = Strings.read(in);
        late.id = Strings.read(in);
        late.scope = Strings.read(in);
        late.createdAt = EventTimeSerializer.read(in);
        late.receivedAt = EventTimeSerializer.read(in);
        late.hashtags = StringArrays.read(in);
        late.missed = StringArrays.read(in);
        return late;
    }

    @Override
    public LatePost copy(LatePost from) {
        LatePost late = new LatePost();
        late.platform = from.platform;
        late.id = from.id;
        late.scope = from.scope;
        late.createdAt = from.createdAt;
        late.receivedAt = from.receivedAt;
        late.hashtags = StringArrays.copy(from.hashtags);
        late.missed = StringArrays.copy(from.missed);
        return late;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<LatePost> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<LatePost> {
        public TypeFactory() {
            super(LatePost.class, INSTANCE);
        }
    }
}
