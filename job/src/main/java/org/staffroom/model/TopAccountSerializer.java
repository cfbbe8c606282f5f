package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/** A row of top_accounts, to its sink. */
public final class TopAccountSerializer extends CompactSerializer<TopAccount> {
    private static final long serialVersionUID = 1L;
    public static final TopAccountSerializer INSTANCE = new TopAccountSerializer();

    private TopAccountSerializer() {
        super(TopAccount::new, Snapshot::new);
    }

    @Override
    public void serialize(TopAccount top, DataOutputView out) throws IOException {
        Strings.write(top.scope, out);
        Strings.write(top.scopeKey, out);
        EventTimeSerializer.write(top.windowStart, out);
        Strings.write(top.kind, out);
        Varints.writeSigned(out, top.rank);
        Strings.write(top.account, out);
        Varints.writeSigned(out, top.posts);
    }

    @Override
    public TopAccount deserialize(DataInputView in) throws IOException {
        TopAccount top = new TopAccount();
        top.scope = Strings.read(in);
        top.scopeKey = Strings.read(in);
        top.windowStart = EventTimeSerializer.read(in);
        top.kind = Strings.read(in);
        top.rank = (int) Varints.readSigned(in);
        top.account = Strings.read(in);
        top.posts = Varints.readSigned(in);
        return top;
    }

    @Override
    public TopAccount copy(TopAccount from) {
        return new TopAccount(from.scope, from.scopeKey, from.windowStart, from.kind, from.rank, from.account,
                from.posts);
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<TopAccount> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<TopAccount> {
        public TypeFactory() {
            super(TopAccount.class, INSTANCE);
        }
    }
}
