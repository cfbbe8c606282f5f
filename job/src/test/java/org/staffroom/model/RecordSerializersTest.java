package org.staffroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.util.function.Function;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.Serialized;

/**
 * Each record's serializer under Flink's own checks (round trips one by one and in sequence, with
 * and without reuse, copies, snapshots written and restored, duplicates across threads) over a blank
 * record and random ones full of edge values; then what the formats promise beyond.
 */
class RecordSerializersTest {
    private static final int RANDOM_RECORDS = 60;

    /** Flink's checks, comparing records field by field (arrays element by element): few have an equals, Post's leaves a field out. */
    abstract static class FlinkChecks<T> extends SerializerTestBase<T> {
        private final Class<T> type;
        private final CompactSerializer<T> serializer;
        private final Function<RandomRecords, T> random;

        FlinkChecks(Class<T> type, CompactSerializer<T> serializer, Function<RandomRecords, T> random) {
            super(new DeeplyEqualsChecker().withCustomCheck((a, b) -> isRecord(a) && isRecord(b),
                    (a, b, checker) -> sameFields(a, b)));
            this.type = type;
            this.serializer = serializer;
            this.random = random;
        }

        @Override
        protected TypeSerializer<T> createSerializer() {
            return serializer;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<T> getTypeClass() {
            return type;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected T[] getTestData() {
            T[] data = (T[]) Array.newInstance(type, RANDOM_RECORDS + 1);
            data[0] = serializer.createInstance();
            RandomRecords records = new RandomRecords(type.getName().hashCode());
            for (int i = 1; i < data.length; i++) {
                data[i] = random.apply(records);
            }
            return data;
        }

        private static boolean isRecord(Object o) {
            return o.getClass().getPackage() == Post.class.getPackage();
        }

        private static boolean sameFields(Object a, Object b) {
            try {
                assertThat(a).usingRecursiveComparison().isEqualTo(b);
                return true;
            } catch (AssertionError differs) {
                return false;
            }
        }
    }

    @Nested
    class Posts extends FlinkChecks<Post> {
        Posts() {
            super(Post.class, PostSerializer.INSTANCE, RandomRecords::post);
        }
    }

    @Nested
    class ScopedPosts extends FlinkChecks<ScopedPost> {
        ScopedPosts() {
            super(ScopedPost.class, ScopedPostSerializer.INSTANCE, RandomRecords::scopedPost);
        }
    }

    @Nested
    class ParsedRecords extends FlinkChecks<ParsedRecord> {
        ParsedRecords() {
            super(ParsedRecord.class, ParsedRecordSerializer.INSTANCE, RandomRecords::parsedRecord);
        }
    }

    @Nested
    class PostDeletions extends FlinkChecks<PostDeletion> {
        PostDeletions() {
            super(PostDeletion.class, PostDeletionSerializer.INSTANCE, RandomRecords::deletion);
        }
    }

    @Nested
    class RejectedPosts extends FlinkChecks<RejectedPost> {
        RejectedPosts() {
            super(RejectedPost.class, RejectedPostSerializer.INSTANCE, RandomRecords::rejected);
        }
    }

    @Nested
    class LatePosts extends FlinkChecks<LatePost> {
        LatePosts() {
            super(LatePost.class, LatePostSerializer.INSTANCE, RandomRecords::latePost);
        }
    }

    @Nested
    class TopAccounts extends FlinkChecks<TopAccount> {
        TopAccounts() {
            super(TopAccount.class, TopAccountSerializer.INSTANCE, RandomRecords::topAccount);
        }
    }

    @Nested
    class Counts extends FlinkChecks<EngagementCounts> {
        Counts() {
            super(EngagementCounts.class, EngagementCountsSerializer.INSTANCE, RandomRecords::counts);
        }
    }

    @Nested
    class Windows extends FlinkChecks<WindowMetrics> {
        Windows() {
            super(WindowMetrics.class, WindowMetricsSerializer.INSTANCE, RandomRecords::windowMetrics);
        }
    }

    @Test
    void aHashtagsScopeIsWrittenAsItsPositionAndReadAsThePostsOwnString() throws Exception {
        Post post = new RandomRecords(1).post();
        post.hashtags = new String[] {"edchat", "ukedchat"};
        ScopedPost scoped = new ScopedPost("ukedchat", post);

        assertThat(Serialized.bytes(ScopedPostSerializer.INSTANCE, scoped))
                .hasSize(1 + Serialized.bytes(PostSerializer.INSTANCE, post).length + 1);
        ScopedPost read = Serialized.roundTrip(ScopedPostSerializer.INSTANCE, scoped);
        assertThat(read.scope).isEqualTo("ukedchat").isSameAs(read.post.hashtags[1]);
        // a chat's id is no hashtag of the post: written out
        assertThat(Serialized.roundTrip(ScopedPostSerializer.INSTANCE, new ScopedPost("ukedchat-chat", post)).scope)
                .isEqualTo("ukedchat-chat");
    }

    @Test
    void aTypicalPostTakesSeventyBytes() throws Exception {
        Post post = new Post();
        post.platform = "twitter";
        post.id = "1880000000000000001";
        post.createdAt = 1_741_000_000_000L;
        post.receivedAt = 1_741_000_001_000L;
        post.eventTimeAtRead = post.createdAt - 30_000;
        post.authorId = "10000042";
        post.authorHandle = "alice";
        post.followers = 250;
        post.hashtags = new String[] {"edchat"};
        post.mentions = new String[0];
        post.flags = PostFlags.LINK;
        // strings (a length, then a byte a character): 8 + 20 + 9 + 6; times 6 + 6; at read 3; followers 2;
        // flags 1; the arrays 1 + 7 and 1
        assertThat(Serialized.bytes(PostSerializer.INSTANCE, post)).hasSize(43 + 12 + 3 + 2 + 1 + 8 + 1);
    }

    @Test
    void aDeepCopySharesNoArrayWithTheOriginal() {
        Post post = new RandomRecords(2).post();
        post.hashtags = new String[] {"edchat"};
        Post copy = PostSerializer.INSTANCE.copy(post);
        post.hashtags[0] = "changed";
        assertThat(copy.hashtags).containsExactly("edchat");

        WindowMetrics row = new RandomRecords(3).windowMetrics();
        row.counts = new EngagementCounts();
        WindowMetrics rowCopy = WindowMetricsSerializer.INSTANCE.copy(row);
        row.counts.posts = 5;
        assertThat(rowCopy.counts.posts).isZero();
    }
}
