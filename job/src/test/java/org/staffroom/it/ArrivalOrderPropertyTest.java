package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.PostEvent;

/**
 * Contract §2, last paragraph: any delivery in which no post arrives after one more than the
 * out-of-orderness bound later gives the same final rows, and repeated deliveries count once; on
 * either state backend.
 */
class ArrivalOrderPropertyTest extends StackTest {
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final String[] TAGS = {"ukedchat", "edchat", "sltchat", "primedchat", "teacher5aday"};
    private static final String[] PLATFORMS = {"twitter", "bluesky"};
    /** The counts of a window row that add up over platforms: all of them. */
    private static final String COUNTS = "posts, originals, retweets, replies, quotes, with_link, with_mention, "
            + "with_cotag, brokering, questions, participants, contributors, new_participants, returning_participants, "
            + "reach";
    private record Timed(long at, byte[] value) {}

    /**
     * Posts in event-time order, with every kind of post and a few authors that come back, on two
     * platforms whose author ids collide (u7 on each is another person).
     */
    private static List<Timed> posts(Random random, int count) {
        long t = Instant.parse("2025-03-29T22:00:00Z").toEpochMilli();
        List<Timed> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            t += random.nextInt(40_000);
            String author = "u" + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 60);
            PostEvent e = PostEvent.of("post-" + i, Instant.ofEpochMilli(t).toString(), author)
                    .platform(PLATFORMS[random.nextInt(3) / 2]);
            List<String> tags = new ArrayList<>();
            tags.add(TAGS[random.nextInt(TAGS.length)]);
            if (random.nextInt(4) == 0) {
                tags.add("#" + TAGS[random.nextInt(TAGS.length)].toUpperCase(Locale.ROOT));
            }
            e.hashtags = tags;
            if (random.nextInt(3) > 0) {
                e.followers(random.nextInt(20_000));
            }
            switch (random.nextInt(5)) {
                case 0: e.retweetOf("post-" + random.nextInt(i + 1)); break;
                case 1: e.replyTo("post-" + random.nextInt(i + 1)); break;
                case 2: e.quoteOf("post-" + random.nextInt(i + 1)); break;
                default: break;
            }
            if (random.nextBoolean()) {
                e.text("Has anyone tried this? https://example.org/paper?id=" + i + " @u" + random.nextInt(60));
            } else {
                e.text("Sharing our school's approach to reading");
            }
            out.add(new Timed(t, e.toBytes()));
        }
        return out;
    }

    /** Every post twice, each delivery delayed by up to the bound: no arrival beyond it. */
    private static List<byte[]> shuffledWithinBoundAndDuplicated(List<Timed> ordered, Random random) {
        List<Timed> deliveries = new ArrayList<>();
        for (Timed p : ordered) {
            for (int copy = 0; copy < 2; copy++) {
                deliveries.add(new Timed(p.at() + (long) (random.nextDouble() * BOUND.toMillis()), p.value()));
            }
        }
        deliveries.sort(Comparator.comparingLong(Timed::at));
        List<byte[]> out = new ArrayList<>();
        deliveries.forEach(d -> out.add(d.value()));
        return out;
    }

    @Test
    void shuffledAndDuplicatedDeliveryGivesTheRowsOfOrderedDelivery() throws Exception {
        Random random = new Random(20250330L);
        List<Timed> ordered = posts(random, 3000);

        String orderedTopic = stack.topic(1);
        List<byte[]> inOrder = new ArrayList<>();
        ordered.forEach(p -> inOrder.add(p.value()));
        stack.write(orderedTopic, 0, inOrder);

        // two partitions, alternating: each partition's sequence keeps within the bound too
        String shuffledTopic = stack.topic(2);
        List<byte[]> shuffled = shuffledWithinBoundAndDuplicated(ordered, random);
        List<List<byte[]>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < shuffled.size(); i++) {
            partitions.get(i % 2).add(shuffled.get(i));
        }
        stack.write(shuffledTopic, 0, partitions.get(0));
        stack.write(shuffledTopic, 1, partitions.get(1));

        String orderedDb = stack.database();
        String shuffledDb = stack.database();
        String rocksDb = stack.database();
        String[] settings = {"--out-of-orderness", "10m", "--allowed-lateness", "0s", "--parallelism", "2"};
        stack.runJob(orderedTopic, orderedDb, settings);
        stack.runJob(shuffledTopic, shuffledDb, settings);
        // and on RocksDB, where the window state has its other layout (one entry per participant)
        stack.runJob(shuffledTopic, rocksDb, "--out-of-orderness", "10m", "--allowed-lateness", "0s",
                "--parallelism", "2", "--state-backend", "rocksdb");

        String metrics = "SELECT * FROM hashtag_window_metrics ORDER BY hashtag, window_size, window_start";
        String top = "SELECT scope, scope_key, window_start, kind, rank, account, posts FROM top_accounts "
                + "ORDER BY scope, scope_key, window_start, kind, rank";
        List<String> expected = stack.rows(orderedDb, metrics);
        assertThat(expected).hasSizeGreaterThan(50).allSatisfy(row -> assertThat(row).contains("is_final=t"));
        SameRows.assertSame("hashtag_window_metrics", expected, stack.rows(shuffledDb, metrics));
        SameRows.assertSame("hashtag_window_metrics on RocksDB", expected, stack.rows(rocksDb, metrics));
        String platformMetrics = "SELECT * FROM hashtag_window_platform_metrics "
                + "ORDER BY hashtag, platform, window_size, window_start";
        List<String> expectedPerPlatform = stack.rows(orderedDb, platformMetrics);
        assertThat(expectedPerPlatform).hasSizeGreaterThan(expected.size())
                .allSatisfy(row -> assertThat(row).contains("is_final=t"));
        assertThat(expectedPerPlatform).anySatisfy(row -> assertThat(row).contains("platform=bluesky"));
        SameRows.assertSame("hashtag_window_platform_metrics", expectedPerPlatform,
                stack.rows(shuffledDb, platformMetrics));
        SameRows.assertSame("hashtag_window_platform_metrics on RocksDB", expectedPerPlatform,
                stack.rows(rocksDb, platformMetrics));
        List<String> expectedTop = stack.rows(orderedDb, top);
        assertThat(expectedTop).hasSizeGreaterThan(20);
        SameRows.assertSame("top_accounts", expectedTop, stack.rows(shuffledDb, top));
        SameRows.assertSame("top_accounts on RocksDB", expectedTop, stack.rows(rocksDb, top));
        assertThat(stack.rows(shuffledDb, "SELECT * FROM late_posts")).isEmpty();

        // properties that hold whatever the data: the half hours add up to the days (UTC days)
        assertThat(stack.rows(orderedDb, "SELECT d.hashtag FROM hashtag_window_metrics d WHERE d.window_size = '1d' "
                + "AND d.posts <> (SELECT sum(h.posts) FROM hashtag_window_metrics h WHERE h.hashtag = d.hashtag "
                + "AND h.window_size = '30m' AND h.window_start >= d.window_start AND h.window_start < d.window_end)"))
                .isEmpty();
        assertThat(stack.rows(orderedDb, "SELECT count(*) AS n FROM hashtag_window_metrics WHERE "
                + "participants <> new_participants + returning_participants OR contributors > participants "
                + "OR brokering > posts OR new_participants > participants")).containsExactly("n=0");
        assertThat(stack.rows(orderedDb, "SELECT sum(new_participants) AS n FROM hashtag_window_metrics "
                + "WHERE window_size = '1d'")).as("each (hashtag, platform, author) is new exactly once")
                .containsExactly("n=" + distinctHashtagParticipants(ordered));
        // over platforms: posts and every kind add up to the all-platform row; since a participant is
        // (platform, author id), so do participants, contributors, new, returning and reach
        assertThat(stack.rows(orderedDb, "SELECT a.hashtag, a.window_size, a.window_start "
                + "FROM hashtag_window_metrics a LEFT JOIN (SELECT hashtag, window_size, window_start, "
                + sums(COUNTS) + " FROM hashtag_window_platform_metrics GROUP BY 1, 2, 3) p "
                + "USING (hashtag, window_size, window_start) "
                + "WHERE (" + qualified("a", COUNTS) + ") IS DISTINCT FROM (" + qualified("p", COUNTS) + ")"))
                .isEmpty();
        assertThat(stack.rows(orderedDb, "SELECT count(*) AS n FROM hashtag_window_platform_metrics p "
                + "WHERE NOT EXISTS (SELECT 1 FROM hashtag_window_metrics a WHERE a.hashtag = p.hashtag "
                + "AND a.window_size = p.window_size AND a.window_start = p.window_start) "
                + "OR p.participants > (SELECT a.participants FROM hashtag_window_metrics a WHERE a.hashtag = p.hashtag "
                + "AND a.window_size = p.window_size AND a.window_start = p.window_start)"))
                .as("every platform row has its all-platform row, with at least as many participants")
                .containsExactly("n=0");
    }

    private static String sums(String columns) {
        List<String> sums = new ArrayList<>();
        for (String c : columns.split(", ")) {
            sums.add("sum(" + c + ") AS " + c);
        }
        return String.join(", ", sums);
    }

    private static String qualified(String table, String columns) {
        return table + "." + columns.replace(", ", ", " + table + ".");
    }

    private static long distinctHashtagParticipants(List<Timed> posts) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> pairs = new HashSet<>();
        for (Timed p : posts) {
            JsonNode n = json.readTree(p.value());
            for (JsonNode tag : n.get("hashtags")) {
                pairs.add(tag.asText().replace("#", "").toLowerCase(Locale.ROOT) + "/" + n.get("platform").asText()
                        + "/" + n.get("author").get("id").asText());
            }
        }
        return pairs.size();
    }

}
