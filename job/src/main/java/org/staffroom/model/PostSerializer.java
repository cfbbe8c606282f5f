package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.CompactTypeInfo;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.StringArrays;
import org.staffroom.state.Strings;
import org.staffroom.state.Varints;

/**
 * A post between operators (to de-duplication, and within every post of a scope to the windows):
 * its strings, its times as distances from 2020, the event time at read as a distance from its
 * creation (seconds usually; unset costs ten bytes, outside the job's source only), the rest as
 * variable-length numbers.
 */
public final class PostSerializer extends CompactSerializer<Post> {
    private static final long serialVersionUID = 1L;
    public static final PostSerializer INSTANCE = new PostSerializer();

    private PostSerializer() {
        super(Post::new, Snapshot::new);
    }

    @Override
    public void serialize(Post post, DataOutputView out) throws IOException {
        Strings.write(post.platform, out);
        Strings.write(post.id, out);
        Strings.write(post.authorId, out);
        Strings.write(post.authorHandle, out);
        EventTimeSerializer.write(post.createdAt, out);
        EventTimeSerializer.write(post.receivedAt, out);
        // the subtraction wraps, and the addition back too: any pair of longs reads back exactly
        Varints.writeSigned(out, post.eventTimeAtRead - post.createdAt);
        Varints.writeSigned(out, post.followers);
        Varints.writeSigned(out, post.flags);
        StringArrays.write(post.hashtags, out);
        StringArrays.write(post.mentions, out);
    }

    @Override
    public Post deserialize(DataInputView in) throws IOException {
        Post post = new Post();
        post.platform = Strings.read(in);
        post.id = Strings.read(in);
        post.authorId = Strings.read(in);
        post.authorHandle = Strings.read(in);
        post.createdAt = EventTimeSerializer.read(in);
        post.receivedAt = EventTimeSerializer.read(in);
        post.eventTimeAtRead = post.createdAt + Varints.readSigned(in);
        post.followers = Varints.readSigned(in);
        post.flags = (int) Varints.readSigned(in);
        post.hashtags = StringArrays.read(in);
        post.mentions = StringArrays.read(in);
        return post;
    }

    @Override
    public Post copy(Post from) {
        Post post = new Post();
        post.platform = from.platform;
        post.id = from.id;
        post.authorId = from.authorId;
        post.authorHandle = from.authorHandle;
        post.createdAt = from.createdAt;
        post.receivedAt = from.receivedAt;
        post.eventTimeAtRead = from.eventTimeAtRead;
        post.followers = from.followers;
        post.flags = from.flags;
        post.hashtags = StringArrays.copy(from.hashtags);
        post.mentions = StringArrays.copy(from.mentions);
        return post;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<Post> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }

    public static final class TypeFactory extends CompactTypeInfo.Factory<Post> {
        public TypeFactory() {
            super(Post.class, INSTANCE);
        }
    }
}
