package org.staffroom;

import java.time.Instant;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;

/** Builds parsed posts for operator tests. */
public final class TestPosts {
    /**
     * A watermark past every window of the tests' posts, which makes them final; the end of the
     * input ({@code Long.MAX_VALUE}) would leave them open.
     */
    public static final long LATER_THAN_EVERY_WINDOW = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    private final Post post = new Post();

    private TestPosts(String id, String createdAt, String author) {
        post.platform = "twitter";
        post.id = id;
        post.createdAt = Instant.parse(createdAt).toEpochMilli();
        post.receivedAt = post.createdAt;
        post.authorId = author;
        post.followers = -1;
        post.hashtags = new String[] {"ukedchat"};
        post.mentions = new String[0];
    }

    public static TestPosts post(String id, String createdAt, String author) {
        return new TestPosts(id, createdAt, author);
    }

    /** The platform, "twitter" unless given. */
    public TestPosts on(String platform) {
        post.platform = platform;
        return this;
    }

    public TestPosts tags(String... hashtags) {
        post.hashtags = hashtags;
        return this;
    }

    public TestPosts followers(long followers) {
        post.followers = followers;
        return this;
    }

    public TestPosts handle(String handle) {
        post.authorHandle = handle;
        return this;
    }

    public TestPosts mentions(String... mentions) {
        post.mentions = mentions;
        post.flags |= mentions.length > 0 ? PostFlags.MENTION : 0;
        return this;
    }

    public TestPosts flags(int... flags) {
        for (int f : flags) {
            post.flags |= f;
        }
        return this;
    }

    public Post build() {
        return post;
    }
}
