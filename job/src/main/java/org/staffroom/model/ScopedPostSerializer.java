package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A post of a scope, to the windows keyed by the scope: whether a post follows and the post, then
 * the scope as the position of the post's hashtag it is (a hashtag's scope always is one: its
 * string is not written twice nor read into a second copy), or as text (a chat's id).
 */
public final class ScopedPostSerializer extends CompactSerializer<ScopedPost> {
    private static final long serialVersionUID = 1L;
    public static final ScopedPostSerializer INSTANCE = new ScopedPostSerializer();

    /** The scope's reference that says the scope follows as text; k > 0 is the post's k-th hashtag. */
    private static final int TEXT = 0;

    private ScopedPostSerializer() {
        super(ScopedPost::new, Snapshot::new);
    }

    @Override
    public void serialize(ScopedPost scoped, DataOutputView out) throws IOException {
        out.writeBoolean(scoped.post != null);
        if (scoped.post != null) {
            PostSerializer.INSTANCE.serialize(scoped.post, out);
        }
        int hashtag = hashtagPosition(scoped);
        Varints.writeUnsigned(out, hashtag);
        if (hashtag == TEXT) {
            Strings.write(scoped.scope, out);
        }
    }

    @Override
    public ScopedPost deserialize(DataInputView in) throws IOException {
        ScopedPost scoped = new ScopedPost();
        if (in.readBoolean()) {
            scoped.post = PostSerializer.INSTANCE.deserialize(in);
        }
        int hashtag = Varints.readSize(in);
        if (hashtag == TEXT) {
            scoped.scope = Strings.read(in);
        } else if (scoped.post != null && scoped.post.hashtags != null && hashtag <= scoped.post.hashtags.length) {
            scoped.scope = scoped.post.hashtags[hashtag - 1];
        } else {
            throw new IOException("a scope that is hashtag " + hashtag + " of a post without it: the bytes are not in this format");
        }
        return scoped;
    }

    /** 1 + the index of the post's hashtag equal to the scope, or {@link #TEXT}. */
    private static int hashtagPosition(ScopedPost scoped) {
        if (scoped.scope != null && scoped.post != null && scoped.post.hashtags != null) {
            String[] hashtags = scoped.post.hashtags;
            for (int i = 0; i < hashtags.length; i++) {
                if (scoped.scope.equals(hashtags[i])) {
                    return i + 1;
                }
            }
        }
        return TEXT;
    }

    @Override
    public ScopedPost copy(ScopedPost from) {
        return new ScopedPost(from.scope, from.post == null ? null : PostSerializer.INSTANCE.copy(from.post));
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<ScopedPost> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<ScopedPost> {
        public TypeFactory() {
            super(ScopedPost.class, INSTANCE);
        }
    }
}
