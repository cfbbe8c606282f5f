package org.staffroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.embedded.EmbeddedPostgres;

/**
 * Issue 14 end to end: archives of X, Mastodon and Bluesky records, newest first (gzip, pretty-printed
 * API answers, JSONL), through the first command's --input and the job into PostgreSQL, leave the
 * rows of the same posts written as contract events in event-time order.
 *
 * <p>The archives are the platforms module's golden fixtures, whose conversion its tests pin event
 * by event; {@code real-data/events.jsonl} holds those events, each post once, in createdAt order.
 */
class RealDataTest {
    private static final Path FIXTURES = Path.of("..", "platforms", "src", "test", "resources");
    private static final Path EVENTS = Path.of("src", "test", "resources", "real-data", "events.jsonl");
    private static final String METRICS = "SELECT hashtag, window_size, window_start, posts, originals, retweets, replies,"
            + " quotes, with_link, with_mention, with_cotag, brokering, questions, participants, contributors,"
            + " new_participants, reach, is_final FROM hashtag_window_metrics ORDER BY 1, 2, 3";
    private static final String SESSIONS = "SELECT chat_id, session_start, posts, originals, retweets, replies, quotes,"
            + " with_link, with_mention, brokering, questions, participants, contributors, new_participants,"
            + " retained_from_previous, reach, is_final FROM chat_session_metrics ORDER BY 1, 2";
    private static final String TOP = "SELECT scope, scope_key, window_start, kind, rank, account, posts FROM top_accounts"
            + " ORDER BY 1, 2, 3, 4, 5";

    @TempDir
    Path dir;

    private Path newestFirst(String jsonl, boolean gzip) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve(jsonl)));
        Collections.reverse(lines);
        Path file = dir.resolve(jsonl.replace('/', '-') + (gzip ? ".gz" : ""));
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void archivesOfEachPlatformGiveTheRowsOfTheirPostsAsContractEventsInOrder() throws Exception {
        List<String> archives = List.of(
                "--input", newestFirst("x/flattened.jsonl", true).toString(),
                "--input", FIXTURES.resolve("x/page.json").toString(),
                "--input", FIXTURES.resolve("mastodon/timeline-page.json").toString(),
                "--input", newestFirst("mastodon/stream.jsonl", false).toString(),
                "--input", newestFirst("bluesky/jetstream.jsonl", true).toString());

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(null)) {
            String imported = postgres.createDatabase("imported");
            String contract = postgres.createDatabase("contract");
            Path password = dir.resolve("pw");
            Files.writeString(password, postgres.password());

            List<String> common = List.of("--exit-when-done", "--jdbc-user", postgres.user(), "--jdbc-password-file",
                    password.toString(), "--web-port", "0", "--parallelism", "1");
            List<String> first = new ArrayList<>(archives);
            first.addAll(List.of("--jdbc-url", imported));
            first.addAll(common);
            LocalRun.Result fromArchives = LocalRun.run(first.toArray(String[]::new));
            assertThat(fromArchives.exit()).as(fromArchives.output()).isZero();
            // and two deletions: the Jetstream capture's of a post it does not hold, and the Mastodon stream's of
            // a status of the page read before it
            assertThat(fromArchives.output()).contains("importing 5 files",
                    "22 events written: 20 converted, 2 deletions", "1 Bluesky reposts took their original's hashtags",
                    "22 records read from Kafka; 0 rejected");

            List<String> second = new ArrayList<>(List.of("--input", EVENTS.toString(), "--jdbc-url", contract));
            second.addAll(common);
            LocalRun.Result fromEvents = LocalRun.run(second.toArray(String[]::new));
            assertThat(fromEvents.exit()).as(fromEvents.output()).isZero();

            for (String query : List.of(METRICS, SESSIONS, TOP)) {
                assertThat(LocalRun.rows(imported, postgres.user(), postgres.password(), query)).as(query)
                        .isNotEmpty()
                        .containsExactlyElementsOf(LocalRun.rows(contract, postgres.user(), postgres.password(), query));
            }

            // by hand from the fixtures: the X evening of 2 March 2023 holds five tweets (each in the
            // page and in the flattened lines: counted once), one a retweet counted for its original's
            // hashtags; on 21 November 2024 nine posts on two platforms count for #ukedchat, the Bluesky
            // repost of a post in the archive among them, the repost of a post never seen not
            assertThat(LocalRun.rows(imported, postgres.user(), postgres.password(), "SELECT session_start, posts,"
                    + " originals, retweets, replies, quotes, with_link, participants, contributors"
                    + " FROM chat_session_metrics WHERE chat_id = 'ukedchat' ORDER BY 1")).containsExactly(
                    "session_start=2023-03-02 20:00:00+00|posts=5|originals=2|retweets=1|replies=1|quotes=1|with_link=1"
                            + "|participants=4|contributors=3",
                    "session_start=2024-11-21 20:00:00+00|posts=9|originals=2|retweets=2|replies=2|quotes=3|with_link=3"
                            + "|participants=9|contributors=7");
            assertThat(LocalRun.rows(imported, postgres.user(), postgres.password(), "SELECT posts FROM"
                    + " hashtag_window_metrics WHERE hashtag = 'assessment'")).as("a retweet's hashtag from its original")
                    .containsExactly("posts=1", "posts=1");
        }
    }
}
