package org.staffroom.metrics;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A participant's part in a window, one per (window, participant): a byte of flags (kept new, and
 * which of the handle and its time follow), then the counts as variable-length numbers. Usually
 * three bytes, where Flink's POJO serializer wrote 27.
 */
public final class AuthorActivitySerializer extends CompactSerializer<AuthorActivity> {
    private static final long serialVersionUID = 1L;
    public static final AuthorActivitySerializer INSTANCE = new AuthorActivitySerializer();

    private static final int KEPT_NEW = 1;
    private static final int HANDLE = 2;
    private static final int HANDLE_AT = 4;

    private AuthorActivitySerializer() {
        super(AuthorActivity::new, Snapshot::new);
    }

    @Override
    public void serialize(AuthorActivity a, DataOutputView out) throws IOException {
        boolean handleAtSet = a.handleAt != Long.MIN_VALUE;
        out.writeByte((a.keptNew ? KEPT_NEW : 0) | (a.handle != null ? HANDLE : 0) | (handleAtSet ? HANDLE_AT : 0));
        Varints.writeSigned(out, a.maxFollowers);
        Varints.writeSigned(out, a.nonRetweetPosts);
        if (a.handle != null) {
            Strings.write(a.handle, out);
        }
        if (handleAtSet) {
            EventTimeSerializer.write(a.handleAt, out);
        }
    }

    @Override
    public AuthorActivity deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        AuthorActivity a = new AuthorActivity();
        a.keptNew = (flags & KEPT_NEW) != 0;
        a.maxFollowers = Varints.readSigned(in);
        a.nonRetweetPosts = (int) Varints.readSigned(in);
        if ((flags & HANDLE) != 0) {
            a.handle = Strings.read(in);
        }
        if ((flags & HANDLE_AT) != 0) {
            a.handleAt = EventTimeSerializer.read(in);
        }
        return a;
    }

    @Override
    public AuthorActivity copy(AuthorActivity from) {
        return from.copy();
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<AuthorActivity> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
