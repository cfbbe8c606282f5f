package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.collect.mastodon.TestMastodonServer.HEARTBEAT;
import static org.staffroom.collect.mastodon.TestMastodonServer.delete;
import static org.staffroom.collect.mastodon.TestMastodonServer.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.collect.TopicRecords;
import org.staffroom.collect.mastodon.TestMastodonServer.Connection;
import org.staffroom.it.TestStack;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * Two servers stream the #ukedchat statuses they know, which overlap (the same uri under each
 * server's own id); the first server drops its stream mid-way and the collector catches up from
 * its timeline; a restart catches up from the state file. The topic holds every status once, and
 * the job counts each once; of two deletes, the one of a status written is written too, and the job
 * keeps it in {@code deleted_posts}.
 */
class MastodonCollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String HOME = "127.0.0.1"; // the test servers' domain: bob's home
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

    private static TestStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStack() {
        stack = TestStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    // S1…S8 by (uri, account); bob is an account of the test servers, the others are remote
    private static final ObjectNode S1 = status("1001", "school.example", "alice", "20:01", 100);
    private static final ObjectNode S2 = status("1002", HOME, "bob", "20:02", 50);
    private static final ObjectNode S3 = status("1003", "teach.example", "carol", "20:03", 30);
    private static final ObjectNode S4 = status("1004", "school.example", "alice", "20:04", 100);
    private static final ObjectNode S5 = status("1005", "edu.example", "dan", "20:05", 20);
    private static final ObjectNode S7 = status("1007", HOME, "bob", "20:07", 50);
    private static final ObjectNode S8 = status("1008", "edu.example", "frank", "20:08", 5);
    // the second server's own ids for what it shares with the first, and S6 that only it has
    private static final ObjectNode S2_ON_B = TestStatuses.seenFrom(S2, "9002", HOME);
    private static final ObjectNode S4_ON_B = TestStatuses.seenFrom(S4, "9004", HOME);
    private static final ObjectNode S6_ON_B = status("9006", "school.example", "erin", "20:06", 10);
    // a status the converter cannot map: it has no created_at
    private static final ObjectNode BROKEN_ON_B = status("9005", "school.example", "gina", "20:05", 10);

    static {
        BROKEN_ON_B.remove("created_at");
    }

    @Test
    void overlappingServersAndADroppedStreamGiveEveryStatusOnce() throws Exception {
        String topic = stack.topic(1);
        Path state = dir.resolve("mastodon-state.json");
        try (TestMastodonServer a = new TestMastodonServer(); TestMastodonServer b = new TestMastodonServer()) {
            a.requireToken("token-of-a");
            // A: S1, S2, then the stream drops; S3, S4, S5 and S7 are in its timeline; the next stream brings S7 live
            a.streams("ukedchat", Connection.dropAfter(update(S1), update(S2), HEARTBEAT),
                    Connection.holdAfter(update(S7)));
            a.timeline("ukedchat", List.of(S1, S2, S3, S4, S5, S7));
            // B: S2 and S4 under its own ids, a status that cannot be mapped, S6, the delete of a status never
            // seen and the delete of S4
            b.streams("ukedchat", Connection.holdAfter(update(S2_ON_B), update(S4_ON_B), update(BROKEN_ON_B),
                    update(S6_ON_B), delete("9999"), delete("9004"), HEARTBEAT));
            b.timeline("ukedchat", List.of(S2_ON_B, S4_ON_B, S6_ON_B));

            MastodonCollector first;
            try (Running running = new Running(topic, state, IDLE_TIMEOUT, a, b)) {
                first = running.collector;
                // A: 2 streamed + 4 caught up + S7 streamed again; B: 4 statuses and two deletes
                awaitCondition(() -> first.counts().seenSoFar() == 13 && a.connections("ukedchat") == 2
                        && first.connected().connectedNow() == 4, first);
            }
            // 3 duplicates: S2 and S4 twice, S7 caught up and streamed
            assertThat(first.counts().convertedSoFar()).isEqualTo(10);
            assertThat(first.counts().keptSoFar()).isEqualTo(7);
            assertThat(first.counts().deletedSoFar()).as("S4's; 9999 was never written").isEqualTo(1);
            assertThat(first.counts().rejectedSoFar()).isEqualTo(1);
            assertThat(first.connected().disconnections()).isEqualTo(1);
            // caught up from S2, the last status of A's first stream, two statuses a page, up to an empty page
            assertThat(a.timelineQueries()).containsExactly("min_id=1002&limit=2", "limit=2&min_id=1004",
                    "limit=2&min_id=1007");
            assertThat(b.timelineQueries()).isEmpty();
            assertThat(JSON.readTree(state.toFile())).isEqualTo(JSON.readTree(
                    "{\"" + a.name() + "\": {\"ukedchat\": \"1007\"}, \"" + b.name() + "\": {\"ukedchat\": \"9006\"}}"));

            // a restart catches up from the state file: S8 was posted meanwhile
            a.timeline("ukedchat", List.of(S1, S2, S3, S4, S5, S7, S8));
            MastodonCollector second;
            try (Running running = new Running(topic, state, IDLE_TIMEOUT, a, b)) {
                second = running.collector;
                awaitCondition(() -> second.counts().keptSoFar() == 1 && a.timelineQueries().size() == 5
                        && b.timelineQueries().contains("min_id=9006&limit=2"), second);
            }
            assertThat(a.timelineQueries()).endsWith("min_id=1007&limit=2", "limit=2&min_id=1008");
            assertThat(JSON.readTree(state.toFile()).get(a.name()).get("ukedchat").asText()).isEqualTo("1008");
        }

        try (TopicRecords written = new TopicRecords(stack.kafka.bootstrapServers(), topic)) {
            written.readToEnd();
            assertThat(written.posts()).containsExactlyInAnyOrder(uri(S1), uri(S2), uri(S3), uri(S4), uri(S5),
                    uri(S6_ON_B), uri(S7), uri(S8));
            assertThat(written.deletions()).containsExactly(uri(S4));
            assertThat(written.rejections()).isOne();
        }

        String db = stack.database();
        stack.runJob(topic, db);
        // 8 statuses by alice (twice), bob (twice), carol, dan, erin and frank: reach 100+50+30+20+10+5
        String counts = "posts=8|originals=8|participants=6|new_participants=6|reach=215";
        assertThat(stack.rows(db, "SELECT window_size, posts, originals, participants, new_participants, reach "
                + "FROM hashtag_window_metrics WHERE hashtag = 'ukedchat' ORDER BY window_size"))
                .containsExactly("window_size=1d|" + counts, "window_size=30m|" + counts);
        assertThat(stack.rows(db, "SELECT session_start, posts, originals, participants, new_participants, reach "
                + "FROM chat_session_metrics WHERE chat_id = 'ukedchat'"))
                .containsExactly("session_start=2024-11-21 20:00:00+00|" + counts);
        assertThat(stack.rows(db, "SELECT platform, id FROM deleted_posts")).containsExactly("platform=mastodon|id=" + uri(S4));
        assertThat(stack.rows(db, "SELECT reason FROM rejected_posts")).singleElement().asString()
                .startsWith("reason=not converted from its platform's format: mastodon: ").contains("created_at");
    }

    @Test
    void aStreamGoneSilentIsClosedByTheCollectorReconnectedAndCaughtUp() throws Exception {
        String topic = stack.topic(1);
        Path state = dir.resolve("mastodon-state.json");
        try (TestMastodonServer a = new TestMastodonServer(); TestMastodonServer b = new TestMastodonServer()) {
            // A streams S1, then nothing, not even a heartbeat, on a connection left open: a dead connection;
            // S2, posted meanwhile, is in its timeline only. B's streams and #sltchat's are silent as well.
            a.streams("ukedchat", Connection.holdAfter(update(S1)));
            a.timeline("ukedchat", List.of(S1, S2));
            MastodonCollector collector;
            try (Running running = new Running(topic, state, Duration.ofSeconds(1), a, b)) {
                collector = running.collector;
                awaitCondition(() -> collector.counts().keptSoFar() == 2, collector);
            }
            assertThat(a.connections("ukedchat")).isGreaterThanOrEqualTo(2);
            assertThat(a.timelineQueries()).contains("min_id=1001&limit=2");
            assertThat(JSON.readTree(state.toFile()).get(a.name()).get("ukedchat").asText()).isEqualTo("1002");
        }
        try (TopicRecords written = new TopicRecords(stack.kafka.bootstrapServers(), topic)) {
            assertThat(written.readToEnd().posts()).containsExactlyInAnyOrder(uri(S1), uri(S2));
        }
    }

    /** A collector of both servers' #ukedchat and #sltchat, run on a thread of its own; closing stops it and waits for its end. */
    private static final class Running implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final KafkaEventWriter writer;
        private final MastodonCollector collector;
        private final Future<?> run;

        Running(String topic, Path state, Duration idleTimeout, TestMastodonServer a, TestMastodonServer b) {
            MastodonCollector.Settings settings = new MastodonCollector.Settings(
                    List.of(MastodonServer.parse(a.url()), MastodonServer.parse(b.url())), List.of("ukedchat", "sltchat"),
                    Map.of(a.name(), "token-of-a"), 2, Duration.ofMillis(10), Duration.ofMillis(100),
                    Duration.ofMillis(200), idleTimeout, 1000);
            writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), topic);
            collector = new MastodonCollector(settings, ResumePositions.load(state), writer,
                    new PrintWriter(System.err, true));
            run = thread.submit(() -> {
                collector.run();
                return null;
            });
        }

        @Override
        public void close() throws Exception {
            collector.stop();
            try {
                run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
                writer.close();
            }
        }
    }

    private static void awaitCondition(BooleanSupplier condition, MastodonCollector collector) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + DEADLINE + ": " + collector.counts().summary());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static ObjectNode status(String id, String home, String user, String time, long followers) {
        String acct = home.equals(HOME) ? user : user + "@" + home;
        return TestStatuses.status(id, "https://" + home + "/users/" + user + "/statuses/" + id,
                "2024-11-21T" + time + ":00.000Z", acct, home, followers, "Retrieval practice, every lesson",
                "ukedchat");
    }

    private static String uri(JsonNode status) {
        return status.get("uri").asText();
    }
}
