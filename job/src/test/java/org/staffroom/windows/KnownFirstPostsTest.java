package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffroom.TestHarnesses;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

/**
 * On the heap a participant's activity knows whether their earliest post lies in its window, so that
 * rows need not ask the first-seen state ({@code AuthorActivity.firstPostHere}). RocksDB's activities
 * never know, and ask: so on random posts out of order, with late posts, rewritten and kept-new
 * windows, and a restore halfway (after which the heap's activities do not know either), both write
 * the same rows at each watermark (in an order that may differ: the backends fire the timers of one
 * time in other orders).
 */
class KnownFirstPostsTest {
    private static final Duration LATENESS = Duration.ofMinutes(20);
    private static final long OUT_OF_ORDER_MILLIS = Duration.ofMinutes(45).toMillis();
    private static final String[] TAGS = {"ukedchat", "edchat", "sltchat"};

    private static EngagementWindows windows(StateBackend backend) {
        return new EngagementWindows(new HashtagScopes(WindowSizes.parse(List.of("30m", "1d"), ZoneOffset.UTC)),
                LATENESS.toMillis(), 0, backend);
    }

    private record Delivery(long at, Post post) {}

    /** Posts over two days, each delivered up to 45 minutes late: beyond the lateness now and then. */
    private static List<Delivery> deliveries(long seed) {
        Random random = new Random(seed);
        long t = Instant.parse("2025-01-09T22:00:00Z").toEpochMilli();
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            t += random.nextInt(300_000);
            Post p = post("p" + i, Instant.ofEpochMilli(t).toString(), "u" + random.nextInt(40))
                    .on(random.nextInt(4) == 0 ? "bluesky" : "twitter")
                    .tags(random.nextInt(3) == 0 ? new String[] {TAGS[random.nextInt(3)], TAGS[random.nextInt(3)]}
                            : new String[] {TAGS[random.nextInt(3)]})
                    .followers(random.nextInt(1_000))
                    .flags(random.nextInt(3) == 0 ? PostFlags.RETWEET : 0)
                    .build();
            p.hashtags = Arrays.stream(p.hashtags).distinct().toArray(String[]::new);
            out.add(new Delivery(t + (long) (random.nextDouble() * OUT_OF_ORDER_MILLIS), p));
        }
        out.sort(Comparator.comparingLong(Delivery::at));
        return out;
    }

    /** Every row, platform row, top account and late post written, sorted per watermark, through a restore at {@code restoreAt}. */
    private static List<String> run(List<Delivery> deliveries, StateBackend backend, int restoreAt) throws Exception {
        List<String> written = new ArrayList<>();
        var h = TestHarnesses.open(windows(backend), backend);
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < deliveries.size(); i++) {
            if (i == restoreAt) {
                written.addAll(drain(h));
                OperatorSubtaskState snapshot = h.snapshot(1, 0);
                h.close();
                h = TestHarnesses.restore(windows(backend), backend, snapshot);
            }
            Delivery d = deliveries.get(i);
            TestHarnesses.feedHashtags(h, d.post());
            // the watermark trails the deliveries by a bound shorter than their delay
            if (d.at() - OUT_OF_ORDER_MILLIS / 3 > watermark) {
                watermark = d.at() - OUT_OF_ORDER_MILLIS / 3;
                h.processWatermark(watermark);
                written.addAll(drain(h));
            }
        }
        h.processWatermark(LATER_THAN_EVERY_WINDOW);
        written.addAll(drain(h));
        h.close();
        return written;
    }

    private static List<String> drain(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        List<String> rows = new ArrayList<>();
        h.extractOutputValues().forEach(m -> rows.add(m.toString()));
        h.getOutput().clear();
        for (OutputTag<?> tag : List.of(EngagementWindows.PLATFORM_ROWS, EngagementWindows.TOP_ACCOUNTS,
                EngagementWindows.LATE)) {
            var side = h.getSideOutput(tag);
            if (side != null) {
                for (Object r : side) {
                    rows.add(tag.getId() + " " + describe(((StreamRecord<?>) r).getValue()));
                }
                side.clear();
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String describe(Object value) {
        return value instanceof org.staffroom.model.LatePost late ? late.id + " " + String.join(",", late.missed)
                : value.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theHeapWritesTheRowsThatAskingTheFirstSeenStateWrites(long seed) throws Exception {
        List<Delivery> deliveries = deliveries(seed);
        List<String> asked = run(deliveries, StateBackend.rocksdb, deliveries.size() / 2);
        List<String> known = run(deliveries, StateBackend.heap, deliveries.size() / 2);

        assertThat(known).containsExactlyElementsOf(asked);
        // the posts make every case happen: returning participants, rewritten rows, late posts
        assertThat(asked).anyMatch(r -> r.startsWith("late-posts"))
                .anyMatch(r -> r.contains(" open ") && !r.contains(" returning=0 "))
                .anyMatch(r -> r.contains(" final ") && !r.contains(" new=0 ") && !r.contains(" returning=0 "));
    }
}
