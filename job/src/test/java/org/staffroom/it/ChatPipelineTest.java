package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.PostEvent;

/** A #UKEdChat evening on real parts, watched as it happens: live rows, the final row, a late post. */
class ChatPipelineTest extends StackTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SESSION = "SELECT chat_id, hashtag, session_start, session_end, posts, participants, "
            + "new_participants, retained_from_previous, with_mention, mention_ratio::float8, is_final "
            + "FROM chat_session_metrics";

    @Test
    void aLiveSessionIsWrittenWhileItRunsThenFinalThenLatePostsAreKept() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        JobClient job = stack.startJob(topic, db, "--allowed-lateness", "0s", "--live-refresh", "1s",
                "--parallelism", "1");
        try {
            stack.write(topic, 0, List.of(
                    PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").handle("Alice_T")
                            .text("Welcome to #UKEdChat! Q1 tonight: feedback").toBytes(),
                    PostEvent.of("2", "2025-01-09T20:02:00Z", "bob").text("@Alice_T A1 #ukedchat").toBytes()));
            // the watermark is still inside the session: only the live clock can write this row
            assertThat(stack.awaitRows(db, SESSION + " WHERE posts = 2", WAIT)).containsExactly(
                    "chat_id=ukedchat|hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|"
                            + "session_end=2025-01-09 20:30:00+00|posts=2|participants=2|new_participants=2|"
                            + "retained_from_previous=0|with_mention=1|mention_ratio=0.5|is_final=f");

            stack.write(topic, 0, List.of(PostEvent.of("3", "2025-01-09T21:00:00Z", "carol").hashtags("edchat")
                    .toBytes()));
            assertThat(stack.awaitRows(db, SESSION + " WHERE is_final", WAIT)).containsExactly(
                    "chat_id=ukedchat|hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|"
                            + "session_end=2025-01-09 20:30:00+00|posts=2|participants=2|new_participants=2|"
                            + "retained_from_previous=0|with_mention=1|mention_ratio=0.5|is_final=t");
            assertThat(stack.awaitRows(db, "SELECT kind, rank, account, posts FROM top_accounts "
                    + "WHERE scope = 'session' ORDER BY kind, rank", WAIT)).containsExactly(
                    "kind=contributor|rank=1|account=Alice_T|posts=1",
                    "kind=contributor|rank=2|account=bob|posts=1",
                    "kind=mentioned|rank=1|account=alice_t|posts=1");

            stack.write(topic, 0, List.of(PostEvent.of("4", "2025-01-09T20:20:00Z", "dave").hashtags("UKEdChat")
                    .toBytes()));
            assertThat(stack.awaitRows(db, "SELECT platform, id, scope, created_at, hashtags, missed FROM late_posts "
                    + "WHERE scope LIKE 'chat:%'", WAIT)).containsExactly(
                    "platform=unknown|id=4|scope=chat:ukedchat|created_at=2025-01-09 20:20:00+00|"
                            + "hashtags={ukedchat}|missed={session@2025-01-09T20:00:00Z}");
        } finally {
            job.cancel().get();
        }
        assertThat(stack.rows(db, SESSION + " WHERE is_final")).hasSize(1)
                .allSatisfy(row -> assertThat(row).contains("posts=2"));
        assertThat(stack.rows(db, "SELECT chat_id, hashtag, day_of_week, local_start, duration, time_zone, active "
                + "FROM chats ORDER BY chat_id")).containsExactly(
                "chat_id=primedchat|hashtag=primedchat|day_of_week=wednesday|local_start=20:00:00|duration=00:30:00|"
                        + "time_zone=Europe/London|active=t",
                "chat_id=sltchat|hashtag=sltchat|day_of_week=sunday|local_start=20:00:00|duration=00:30:00|"
                        + "time_zone=Europe/London|active=t",
                "chat_id=ukedchat|hashtag=ukedchat|day_of_week=thursday|local_start=20:00:00|duration=00:30:00|"
                        + "time_zone=Europe/London|active=t");
    }

    @Test
    void theViewComparesTheSessionWithTheRestOfItsWeek() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, List.of(
                PostEvent.of("o1", "2025-01-06T09:00:00Z", "dave").text("New EEF guidance https://eef.org.uk "
                        + "#UKEdChat").toBytes(),
                PostEvent.of("o2", "2025-01-07T12:00:00Z", "erin").retweetOf("o1").urls("https://eef.org.uk")
                        .hashtags("ukedchat").toBytes(),
                PostEvent.of("s1", "2025-01-09T20:05:00Z", "alice").replyTo("q1").text("A1 retrieval #ukedchat")
                        .toBytes(),
                PostEvent.of("s2", "2025-01-09T20:10:00Z", "bob").replyTo("s1").text("Does it work in EYFS? "
                        + "#ukedchat").toBytes(),
                PostEvent.of("s3", "2025-01-09T20:15:00Z", "carol").text("Thanks @alice #ukedchat").toBytes(),
                PostEvent.of("o3", "2025-01-09T21:00:00Z", "alice").text("Slides: https://example.org/s "
                        + "#ukedchat").toBytes()));

        stack.runJob(topic, db);

        assertThat(stack.rows(db, "SELECT chat_id, hashtag, week_start, week_end, posts, participants, with_link, "
                + "retweets, is_final FROM chat_week_metrics")).containsExactly(
                "chat_id=ukedchat|hashtag=ukedchat|week_start=2025-01-06 00:00:00+00|week_end=2025-01-13 00:00:00+00|"
                        + "posts=3|participants=3|with_link=3|retweets=1|is_final=t");
        assertThat(stack.rows(db, "SELECT chat_id, hashtag, week_start, sessions, session_posts, "
                + "session_participants, session_reply_ratio::float8, session_link_ratio::float8, "
                + "session_mention_ratio::float8, session_retweet_ratio::float8, rest_posts, rest_participants, "
                + "rest_reply_ratio::float8, rest_link_ratio::float8, rest_mention_ratio::float8, "
                + "rest_retweet_ratio::float8, is_final FROM chat_sessions_vs_rest_of_week")).containsExactly(
                "chat_id=ukedchat|hashtag=ukedchat|week_start=2025-01-06 00:00:00+00|sessions=1|session_posts=3|"
                        + "session_participants=3|session_reply_ratio=0.6666666666666666|session_link_ratio=0|"
                        + "session_mention_ratio=0.3333333333333333|session_retweet_ratio=0|rest_posts=3|"
                        + "rest_participants=3|rest_reply_ratio=0|rest_link_ratio=1|rest_mention_ratio=0|"
                        + "rest_retweet_ratio=0.3333333333333333|is_final=t");
    }
}
