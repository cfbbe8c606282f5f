package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.PostEvent;

/**
 * Platforms compared on real parts (Kafka, MiniCluster, PostgreSQL, the job's own role): the two
 * #UKEdChat evenings of {@code PlatformRowsTest} as producers write them, in the per-platform tables.
 */
class PlatformPipelineTest extends StackTest {
    private static final String TWITTER = "twitter";
    private static final String BLUESKY = "bluesky";

    /** Author 42 is alice on Twitter and bob on Bluesky; alice is did:alice on Bluesky. */
    static List<byte[]> twoEvenings() {
        return List.of(
                PostEvent.of("w1", "2025-01-02T20:05:00Z", "42").platform(TWITTER).handle("alice").followers(100)
                        .text("Good evening #UKEdChat").toBytes(),
                PostEvent.of("w2", "2025-01-02T20:06:00Z", "7").platform(TWITTER).handle("carol").followers(10)
                        .replyTo("w1").text("Hello all #ukedchat").toBytes(),
                PostEvent.of("w3", "2025-01-02T20:07:00Z", "did:x").platform(BLUESKY).followers(5)
                        .text("Reading https://eef.org.uk #ukedchat").toBytes(),
                PostEvent.of("p1", "2025-01-09T20:01:00Z", "42").platform(TWITTER).handle("alice").followers(120)
                        .text("Evidence https://eef.org.uk #ukedchat").toBytes(),
                PostEvent.of("p2", "2025-01-09T20:02:00Z", "42").platform(BLUESKY).handle("bob.bsky").followers(30)
                        .text("First time here #ukedchat").toBytes(),
                PostEvent.of("p3", "2025-01-09T20:05:00Z", "did:alice").platform(BLUESKY).handle("alice.bsky")
                        .followers(50).replyTo("p2").text("Does this work in EYFS? #ukedchat").toBytes(),
                PostEvent.of("p4", "2025-01-09T20:10:00Z", "7").platform(TWITTER).handle("carol").followers(10)
                        .retweetOf("p1").hashtags("ukedchat").toBytes(),
                PostEvent.of("p5", "2025-01-09T20:20:00Z", "42").platform(TWITTER).handle("alice")
                        .text("@carol agreed #ukedchat").toBytes());
    }

    @Test
    void twoPlatformsGiveTheHandComputedRowsPerPlatform() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, twoEvenings());

        stack.runJob(topic, db);

        assertThat(stack.rows(db, "SELECT platform, window_start, posts, retweets, replies, with_link, with_mention, "
                + "brokering, questions, participants, contributors, new_participants, returning_participants, reach, "
                + "is_final FROM hashtag_window_platform_metrics WHERE hashtag = 'ukedchat' AND window_size = '30m' "
                + "ORDER BY window_start, platform")).containsExactly(
                "platform=bluesky|window_start=2025-01-02 20:00:00+00|posts=1|retweets=0|replies=0|with_link=1|"
                        + "with_mention=0|brokering=1|questions=0|participants=1|contributors=1|new_participants=1|"
                        + "returning_participants=0|reach=5|is_final=t",
                "platform=twitter|window_start=2025-01-02 20:00:00+00|posts=2|retweets=0|replies=1|with_link=0|"
                        + "with_mention=0|brokering=0|questions=0|participants=2|contributors=2|new_participants=2|"
                        + "returning_participants=0|reach=110|is_final=t",
                "platform=bluesky|window_start=2025-01-09 20:00:00+00|posts=2|retweets=0|replies=1|with_link=0|"
                        + "with_mention=0|brokering=0|questions=1|participants=2|contributors=2|new_participants=2|"
                        + "returning_participants=0|reach=80|is_final=t",
                "platform=twitter|window_start=2025-01-09 20:00:00+00|posts=3|retweets=1|replies=0|with_link=1|"
                        + "with_mention=1|brokering=3|questions=0|participants=2|contributors=1|new_participants=0|"
                        + "returning_participants=2|reach=130|is_final=t");

        // the newcomers of the second evening are all on Bluesky; Twitter's 42 and 7 came back there
        String sessions = "SELECT %s hashtag, session_start, session_end, posts, participants, new_participants, "
                + "returning_participants, retained_from_previous, reach, brokering_ratio::float8, is_final FROM %s "
                + "WHERE chat_id = 'ukedchat' ORDER BY session_start %s";
        assertThat(stack.rows(db, String.format(sessions, "platform,", "chat_session_platform_metrics", ", platform")))
                .containsExactly(
                "platform=bluesky|hashtag=ukedchat|session_start=2025-01-02 20:00:00+00|"
                        + "session_end=2025-01-02 20:30:00+00|posts=1|participants=1|new_participants=1|"
                        + "returning_participants=0|retained_from_previous=0|reach=5|brokering_ratio=1|is_final=t",
                "platform=twitter|hashtag=ukedchat|session_start=2025-01-02 20:00:00+00|"
                        + "session_end=2025-01-02 20:30:00+00|posts=2|participants=2|new_participants=2|"
                        + "returning_participants=0|retained_from_previous=0|reach=110|brokering_ratio=0|is_final=t",
                "platform=bluesky|hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|"
                        + "session_end=2025-01-09 20:30:00+00|posts=2|participants=2|new_participants=2|"
                        + "returning_participants=0|retained_from_previous=0|reach=80|brokering_ratio=0|is_final=t",
                "platform=twitter|hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|"
                        + "session_end=2025-01-09 20:30:00+00|posts=3|participants=2|new_participants=0|"
                        + "returning_participants=2|retained_from_previous=2|reach=130|brokering_ratio=1|is_final=t");
        // over all platforms, a person is one participant per platform: 42 counts twice
        assertThat(stack.rows(db, String.format(sessions, "", "chat_session_metrics", ""))).containsExactly(
                "hashtag=ukedchat|session_start=2025-01-02 20:00:00+00|session_end=2025-01-02 20:30:00+00|posts=3|"
                        + "participants=3|new_participants=3|returning_participants=0|retained_from_previous=0|"
                        + "reach=115|brokering_ratio=0.3333333333333333|is_final=t",
                "hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|session_end=2025-01-09 20:30:00+00|posts=5|"
                        + "participants=4|new_participants=2|returning_participants=2|retained_from_previous=2|"
                        + "reach=210|brokering_ratio=0.6|is_final=t");
    }
}
