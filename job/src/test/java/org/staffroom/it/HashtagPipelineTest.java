package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.PostEvent;

/**
 * The whole path on real parts: a hand-built stream in a real Kafka broker, the job on a Flink
 * MiniCluster in bounded mode, rows in a real PostgreSQL, compared with hand-computed values.
 */
class HashtagPipelineTest extends StackTest {
    private static final String METRICS = "SELECT hashtag, window_size, window_start, window_end, posts, originals, "
            + "retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, questions, participants, "
            + "contributors, new_participants, returning_participants, reach, link_ratio::float8, "
            + "mention_ratio::float8, retweet_ratio::float8, reply_ratio::float8, brokering_ratio::float8, is_final "
            + "FROM hashtag_window_metrics ORDER BY hashtag, window_size, window_start";

    /** One evening of #UKEdChat; the same posts as the operator test, this time as producers write them. */
    static List<byte[]> evening() {
        return List.of(
                PostEvent.of("p1", "2025-01-09T20:01:00Z", "alice").handle("alice_t").followers(100)
                        .text("Evidence on feedback https://eef.org.uk #UKEdChat #edchat").toBytes(),
                PostEvent.of("p2", "2025-01-09T20:05:00Z", "bob").followers(50).retweetOf("p1")
                        .hashtags("#UKEdChat").toBytes(),
                PostEvent.of("p3", "2025-01-09T20:10:00+00:00", "alice").followers(120).replyTo("p2")
                        .text("@Carol what do you think? #ukedchat").toBytes(),
                PostEvent.of("p4", "2025-01-09T20:20:00Z", "carol").quoteOf("p3").hashtags("ukedchat").toBytes(),
                // p3 delivered again by a retrying producer: counted once
                PostEvent.of("p3", "2025-01-09T20:10:00+00:00", "alice").followers(120).replyTo("p2")
                        .text("@Carol what do you think? #ukedchat").toBytes(),
                PostEvent.of("p5", "2025-01-09T21:31:00+01:00", "bob").followers(60)
                        .text("Anyone tried retrieval practice? #UKEDCHAT").toBytes(),
                PostEvent.of("p6", "2025-01-09T20:45:00Z", "dave").followers(10).retweetOf("p5")
                        .urls("https://researchschool.org.uk").hashtags("ukedchat").toBytes(),
                PostEvent.of("p7", "2025-01-09T20:46:00Z", "erin").text("no hashtag here").toBytes(),
                "this is not json".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"x1\",\"author\":{\"id\":\"u\"}}".getBytes(StandardCharsets.UTF_8),
                PostEvent.of("x2", "1970-01-01T00:00:00Z", "u").hashtags("ukedchat").toBytes());
    }

    @Test
    void aSmallStreamGivesExactlyTheHandComputedRows() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, evening());

        stack.runJob(topic, db);

        assertThat(stack.rows(db, METRICS)).containsExactly(
                "hashtag=edchat|window_size=1d|window_start=2025-01-09 00:00:00+00|window_end=2025-01-10 00:00:00+00|"
                        + "posts=1|originals=1|retweets=0|replies=0|quotes=0|with_link=1|with_mention=0|with_cotag=1|"
                        + "brokering=1|questions=0|participants=1|contributors=1|new_participants=1|"
                        + "returning_participants=0|reach=100|link_ratio=1|mention_ratio=0|retweet_ratio=0|"
                        + "reply_ratio=0|brokering_ratio=1|is_final=t",
                "hashtag=edchat|window_size=30m|window_start=2025-01-09 20:00:00+00|window_end=2025-01-09 20:30:00+00|"
                        + "posts=1|originals=1|retweets=0|replies=0|quotes=0|with_link=1|with_mention=0|with_cotag=1|"
                        + "brokering=1|questions=0|participants=1|contributors=1|new_participants=1|"
                        + "returning_participants=0|reach=100|link_ratio=1|mention_ratio=0|retweet_ratio=0|"
                        + "reply_ratio=0|brokering_ratio=1|is_final=t",
                "hashtag=ukedchat|window_size=1d|window_start=2025-01-09 00:00:00+00|window_end=2025-01-10 00:00:00+00|"
                        + "posts=6|originals=2|retweets=2|replies=1|quotes=1|with_link=2|with_mention=1|with_cotag=1|"
                        + "brokering=4|questions=2|participants=4|contributors=3|new_participants=4|"
                        + "returning_participants=0|reach=190|link_ratio=0.3333333333333333|"
                        + "mention_ratio=0.16666666666666666|retweet_ratio=0.3333333333333333|"
                        + "reply_ratio=0.16666666666666666|brokering_ratio=0.6666666666666666|is_final=t",
                "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:00:00+00|window_end=2025-01-09 20:30:00+00|"
                        + "posts=4|originals=1|retweets=1|replies=1|quotes=1|with_link=1|with_mention=1|with_cotag=1|"
                        + "brokering=3|questions=1|participants=3|contributors=2|new_participants=3|"
                        + "returning_participants=0|reach=170|link_ratio=0.25|mention_ratio=0.25|retweet_ratio=0.25|"
                        + "reply_ratio=0.25|brokering_ratio=0.75|is_final=t",
                "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:30:00+00|window_end=2025-01-09 21:00:00+00|"
                        + "posts=2|originals=1|retweets=1|replies=0|quotes=0|with_link=1|with_mention=0|with_cotag=0|"
                        + "brokering=1|questions=1|participants=2|contributors=1|new_participants=1|"
                        + "returning_participants=1|reach=70|link_ratio=0.5|mention_ratio=0|retweet_ratio=0.5|"
                        + "reply_ratio=0|brokering_ratio=0.5|is_final=t");

        assertThat(stack.rows(db, "SELECT \"partition\", \"offset\", reason, payload, payload_bytes "
                + "FROM rejected_posts ORDER BY \"offset\"")).containsExactly(
                "partition=0|offset=8|reason=not valid JSON at line 1, column 6: Unrecognized token 'this': was "
                        + "expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')|"
                        + "payload=this is not json|payload_bytes=16",
                "partition=0|offset=9|reason=createdAt: required field is missing|"
                        + "payload={\"id\":\"x1\",\"author\":{\"id\":\"u\"}}|payload_bytes=31",
                "partition=0|offset=10|reason=createdAt: 1970-01-01T00:00:00Z is before 2000-01-01T00:00:00Z, the "
                        + "earliest accepted event time|payload=" + new String(evening().get(10), StandardCharsets.UTF_8)
                        + "|payload_bytes=" + evening().get(10).length);
        assertThat(stack.rows(db, "SELECT topic FROM rejected_posts")).containsOnly("topic=" + topic);
        assertThat(stack.rows(db, "SELECT scope_key, window_start, kind, rank, account, posts FROM top_accounts "
                + "WHERE scope = 'hashtag_day' ORDER BY scope_key, kind, rank")).containsExactly(
                "scope_key=edchat|window_start=2025-01-09 00:00:00+00|kind=contributor|rank=1|account=alice_t|posts=1",
                "scope_key=ukedchat|window_start=2025-01-09 00:00:00+00|kind=contributor|rank=1|account=alice_t|posts=2",
                "scope_key=ukedchat|window_start=2025-01-09 00:00:00+00|kind=contributor|rank=2|account=bob|posts=1",
                "scope_key=ukedchat|window_start=2025-01-09 00:00:00+00|kind=contributor|rank=3|account=carol|posts=1",
                "scope_key=ukedchat|window_start=2025-01-09 00:00:00+00|kind=mentioned|rank=1|account=carol|posts=1");
        assertThat(stack.rows(db, "SELECT * FROM late_posts")).isEmpty();
    }

    @Test
    void runningAgainOverTheSameTopicLeavesTheSameRows() throws Exception {
        String topic = stack.topic(2);
        String db = stack.database();
        stack.write(topic, 0, evening().subList(0, 5));
        stack.write(topic, 1, evening().subList(5, evening().size()));

        stack.runJob(topic, db);
        List<String> metrics = stack.rows(db, METRICS);
        List<String> rejected = stack.rows(db, "SELECT * FROM rejected_posts ORDER BY \"partition\", \"offset\"");
        stack.runJob(topic, db);

        assertThat(metrics).hasSize(5);
        assertThat(rejected).hasSize(3);
        assertThat(stack.rows(db, METRICS)).isEqualTo(metrics);
        assertThat(stack.rows(db, "SELECT * FROM rejected_posts ORDER BY \"partition\", \"offset\""))
                .isEqualTo(rejected);
    }

    @Test
    void aLiveJobWritesAQuietWindowWithoutWaitingForAFullBatch() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, List.of(
                PostEvent.of("a", "2025-01-09T20:01:00Z", "alice").hashtags("ukedchat").toBytes(),
                PostEvent.of("b", "2025-01-09T20:40:00Z", "bob").hashtags("ukedchat").toBytes()));

        // no checkpoint in sight and a batch of 500 never fills: only the flush interval writes the row;
        // of two source readers one has no partition, and must not hold event time back for long
        JobClient job = stack.startJob(topic, db, "--checkpoint-interval", "1h", "--sink-flush-interval", "200ms",
                "--parallelism", "2", "--idle-timeout", "1s");
        try {
            assertThat(stack.awaitRows(db, "SELECT posts, participants, is_final FROM hashtag_window_metrics "
                    + "WHERE hashtag = 'ukedchat' AND window_size = '30m'", Duration.ofSeconds(60)))
                    .containsExactly("posts=1|participants=1|is_final=t");
            assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("still running").isFalse();
        } finally {
            job.cancel().get();
        }
    }
}
