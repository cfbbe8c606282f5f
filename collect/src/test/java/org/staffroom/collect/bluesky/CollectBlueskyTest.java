package org.staffroom.collect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.collect.bluesky.FakeJetstream.Turn.cutAfter;
import static org.staffroom.collect.bluesky.FakeJetstream.Turn.holdAfter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.collect.CollectCli;
import org.staffroom.collect.TopicRecords;
import org.staffroom.embedded.FreePorts;
import org.staffroom.it.TestStack;

/**
 * {@code collect bluesky} for real: a child JVM with the JDK's WebSocket client against a fake
 * Jetstream replaying a recorded #UKEdChat session (29 events: posts with and without the wanted
 * hashtags, reposts of both, deletes, likes, identity and account events, a post that cannot be
 * mapped), writing to a real Kafka, whose topic the job then counts into a real PostgreSQL. Of the
 * recording's two deletes, one is of a kept post: its deletion is written, the other's is not.
 */
class CollectBlueskyTest {
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** The recording's events the collector keeps, by their line (from 0): 15 of the 29. */
    private static final List<Integer> WANTED_LINES = List.of(1, 5, 6, 7, 10, 11, 13, 14, 16, 19, 22, 23, 25, 26, 28);
    private static final int LAST_LINE = 28;
    /** The delete of a kept post (line 14's): written; line 12 deletes a post never kept (line 3's). */
    private static final int KEPT_POST_DELETED_LINE = 17;
    private static final long REWIND_US = 5_000_000;

    private static TestStack stack;
    private static Path recording;
    private static List<String> wanted;
    private static String deletedPost;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start();
        recording = Path.of(CollectBlueskyTest.class.getResource("/bluesky/chat-stream.jsonl").toURI());
        wanted = new ArrayList<>();
        List<String> lines = Files.readAllLines(recording);
        for (int line : WANTED_LINES) {
            wanted.add(uri(lines.get(line)));
        }
        deletedPost = uri(lines.get(KEPT_POST_DELETED_LINE));
        assertThat(deletedPost).isEqualTo(uri(lines.get(14)));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void cutTwiceAndKilledOnceItStillWritesEveryWantedPostAndTheJobCountsAsForTheUncutStream(@TempDir Path dir)
            throws Exception {
        String cutTopic = stack.topic(2);
        try (FakeJetstream jetstream = new FakeJetstream(recording, cutAfter(10), cutAfter(10), holdAfter(10));
             TopicRecords topic = new TopicRecords(stack.kafka.bootstrapServers(), cutTopic)) {
            // the position is saved when a connection ends and on a clean stop only: the kill loses what the
            // third connection brought since, and the restart must bring it again
            List<String> args = args(jetstream, cutTopic, "--rewind", "5s", "--checkpoint-interval", "1h");
            try (CollectorProcess first = CollectorProcess.start(dir, "first", args)) {
                first.awaitStderr("collect bluesky: connected to ", 3, WAIT);
                // every third connection's ten events include line 7 however much the cuts lost in flight
                topic.awaitPosts(List.of(wanted.get(WANTED_LINES.indexOf(7))), WAIT);
                first.kill();
                assertThat(count(first.stderr(), "collect bluesky: disconnected from ")).isEqualTo(2);
            }
            long savedBeforeTheKill = Long.parseLong(Files.readString(dir.resolve("bluesky.cursor")).strip());

            try (CollectorProcess second = CollectorProcess.start(dir, "second", args)) {
                topic.awaitPosts(wanted, WAIT);
                assertThat(second.terminate()).as("exit code after SIGTERM; stderr:\n%s", second.stderr()).isZero();
                List<String> written = topic.readToEnd().posts();
                assertThat(new HashSet<>(written)).isEqualTo(Set.copyOf(wanted));
                assertThat(written.size()).as("read twice: what the rewinds and the kill repeat").isGreaterThan(15);
                // the kept post's deletion, once or more (read again too), and no other
                assertThat(topic.deletions()).isNotEmpty().containsOnly(deletedPost);
                // what it kept, deleted and rejected (the post that cannot be mapped, line 20), all acknowledged
                Matcher stopped = Pattern.compile("collect bluesky: stopped; \\d+ seen, \\d+ converted, (\\d+) kept,"
                        + " (\\d+) deleted, 1 rejected, (\\d+) acknowledged, cursor " + jetstream.timeUs(LAST_LINE))
                        .matcher(second.stderr());
                assertThat(stopped.find()).as(second.stderr()).isTrue();
                assertThat(Long.parseLong(stopped.group(3)))
                        .isEqualTo(Long.parseLong(stopped.group(1)) + Long.parseLong(stopped.group(2)) + 1);
            }
            assertThat(Files.readString(dir.resolve("bluesky.cursor"))).as("saved on SIGTERM")
                    .isEqualTo(jetstream.timeUs(LAST_LINE) + "\n");

            // each reconnection from the position saved less the rewind, rotating through the two endpoints
            List<FakeJetstream.Subscription> subscriptions = jetstream.subscriptions();
            assertThat(subscriptions).extracting(FakeJetstream.Subscription::path)
                    .containsExactly("/subscribe", "/subscribe-2", "/subscribe", "/subscribe");
            assertThat(subscriptions).extracting(FakeJetstream.Subscription::wantedCollections)
                    .containsOnly(List.of("app.bsky.feed.post", "app.bsky.feed.repost"));
            assertThat(subscriptions.get(0).cursor()).isNull();
            assertThat(subscriptions.subList(2, 4)).extracting(FakeJetstream.Subscription::cursor)
                    .containsOnly(savedBeforeTheKill - REWIND_US);
        }

        String uncutTopic = stack.topic(2);
        Path uncutDir = Files.createDirectory(dir.resolve("uncut"));
        try (FakeJetstream jetstream = new FakeJetstream(recording);
             TopicRecords topic = new TopicRecords(stack.kafka.bootstrapServers(), uncutTopic);
             CollectorProcess uncut = CollectorProcess.start(uncutDir, "uncut", args(jetstream, uncutTopic))) {
            topic.awaitPosts(wanted, WAIT);
            assertThat(uncut.terminate()).isZero();
            assertThat(topic.readToEnd().posts()).containsExactlyInAnyOrderElementsOf(wanted);
            assertThat(topic.deletions()).containsExactly(deletedPost);
            assertThat(topic.rejections()).isOne();
            assertThat(uncut.stderr()).contains("collect bluesky: stopped; 29 seen, 20 converted, 15 kept,"
                    + " 1 deleted, 1 rejected, 17 acknowledged");
        }

        String cutDb = stack.database();
        String uncutDb = stack.database();
        stack.runJob(cutTopic, cutDb);
        stack.runJob(uncutTopic, uncutDb);
        for (String table : List.of("hashtag_window_metrics", "hashtag_window_platform_metrics", "chat_session_metrics",
                "top_accounts", "rejected_posts", "late_posts")) {
            // where a rejected record lay in its topic, and when rows were written, differ
            String all = "SELECT (to_jsonb(t) - 'updated_at' - 'received_at' - 'topic' - 'partition' - 'offset')::text"
                    + " AS row FROM " + table + " t ORDER BY 1";
            assertThat(stack.rows(cutDb, all)).as(table).isEqualTo(stack.rows(uncutDb, all));
        }
        assertThat(stack.rows(cutDb, "SELECT reason, payload::jsonb -> 'source' ->> 'did' AS did FROM rejected_posts"))
                .singleElement().asString()
                .startsWith("reason=not converted from its platform's format: bluesky: ")
                .endsWith("|did=did:plc:hughesbrokenclientaaaaaa");
        // the kept post deleted; its counts stay (a deletion removes content, not counts)
        for (String db : List.of(cutDb, uncutDb)) {
            assertThat(stack.rows(db, "SELECT platform, id FROM deleted_posts"))
                    .containsExactly("platform=bluesky|id=" + deletedPost);
        }
        // by hand: 13 posts count for #ukedchat, by 7 people, in the Thursday session
        assertThat(stack.rows(cutDb, "SELECT posts, originals, retweets, replies, quotes, with_link, with_mention,"
                + " questions, participants, contributors, is_final FROM chat_session_metrics WHERE chat_id = 'ukedchat'"))
                .containsExactly("posts=13|originals=8|retweets=3|replies=1|quotes=1|with_link=2|with_mention=2"
                        + "|questions=3|participants=7|contributors=7|is_final=t");
        assertThat(stack.rows(cutDb, "SELECT hashtag, posts, retweets, participants FROM hashtag_window_metrics"
                + " WHERE window_size = '30m' ORDER BY hashtag")).containsExactly(
                "hashtag=edusky|posts=2|retweets=0|participants=2",
                "hashtag=primedchat|posts=2|retweets=1|participants=2",
                "hashtag=sltchat|posts=2|retweets=1|participants=2",
                "hashtag=ukedchat|posts=13|retweets=3|participants=7");
    }

    @Test
    void aConnectionGoneSilentIsAbortedAndResumedFromItsCursorEveryWantedPostWrittenOnce(@TempDir Path dir)
            throws Exception {
        String topic = stack.topic(2);
        // ten events, then silence on a connection left open (a network drop the JDK does not notice); the next
        // connection brings the rest, then silence too; those after it bring nothing, a live stream with nothing new
        try (FakeJetstream jetstream = FakeJetstream.withTurns(recording,
                List.of(holdAfter(10), holdAfter(Integer.MAX_VALUE)), holdAfter(0));
             TopicRecords records = new TopicRecords(stack.kafka.bootstrapServers(), topic);
             CollectorProcess collector = CollectorProcess.start(dir, "silent",
                     args(jetstream, topic, "--rewind", "0s", "--idle-timeout", "2s"))) {
            records.awaitPosts(wanted, WAIT);
            assertThat(collector.terminate()).as("exit code after SIGTERM; stderr:\n%s", collector.stderr()).isZero();
            assertThat(records.readToEnd().posts()).containsExactlyInAnyOrderElementsOf(wanted);
            assertThat(records.deletions()).containsExactly(deletedPost);
            String[] endpoints = jetstream.endpoints().split(",");
            assertThat(collector.stderr()).contains("collect bluesky: disconnected from " + endpoints[0]
                    + ": nothing received for 2000 ms; reconnecting to " + endpoints[1] + " in 50 ms");
            // read twice: only the event at the cursor (a cursor is inclusive), line 9, an account event
            assertThat(collector.stderr()).contains("collect bluesky: stopped; 30 seen, 20 converted, 15 kept,"
                    + " 1 deleted, 1 rejected, 17 acknowledged, cursor " + jetstream.timeUs(LAST_LINE) + " (");

            List<FakeJetstream.Subscription> subscriptions = jetstream.subscriptions();
            assertThat(subscriptions.subList(0, 2)).containsExactly(
                    new FakeJetstream.Subscription("/subscribe", JetstreamSubscription.COLLECTIONS, null),
                    new FakeJetstream.Subscription("/subscribe-2", JetstreamSubscription.COLLECTIONS,
                            jetstream.timeUs(9)));
            // a later silence, if the stop came after it, reconnected from the last event
            assertThat(subscriptions.subList(2, subscriptions.size())).extracting(FakeJetstream.Subscription::cursor)
                    .allSatisfy(cursor -> assertThat(cursor).isEqualTo(jetstream.timeUs(LAST_LINE)));
        }
    }

    @Test
    void itExitsTwoOnAnIdleTimeoutOfNoLength(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CollectCli.execute(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), "bluesky", "--hashtags", "ukedchat",
                "--idle-timeout", "0s", "--cursor-file", dir.resolve("c").toString());
        assertThat(exit).isEqualTo(CollectCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--idle-timeout: 0ms must be more than zero");
    }

    @Test
    void itExitsOneWhenKafkaCannotBeReached(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CollectCli.execute(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), "bluesky", "--hashtags", "ukedchat",
                "--bootstrap-servers", "127.0.0.1:" + FreePorts.pick(), "--cursor-file", dir.resolve("c").toString());
        assertThat(exit).isEqualTo(CollectCli.EXIT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("collect bluesky: cannot reach topic edu.posts at 127.0.0.1:");
        assertThat(dir.resolve("c")).doesNotExist();
    }

    private static List<String> args(FakeJetstream jetstream, String topic, String... more) {
        List<String> args = new ArrayList<>(List.of("bluesky", "--hashtags", "UKEdChat,sltchat,primedchat,edusky",
                "--jetstream", jetstream.endpoints(), "--bootstrap-servers", stack.kafka.bootstrapServers(),
                "--topic", topic, "--cursor-file", "bluesky.cursor", "--reconnect-delay", "50ms",
                "--max-reconnect-delay", "200ms", "--progress-interval", "0"));
        args.addAll(List.of(more));
        return args;
    }

    /** The AT-URI of a recorded commit: the id of its event. */
    private static String uri(String line) {
        Matcher m = Pattern.compile("\"did\":\"([^\"]+)\".*\"collection\":\"([^\"]+)\",\"rkey\":\"([^\"]+)\"").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return "at://" + m.group(1) + "/" + m.group(2) + "/" + m.group(3);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
