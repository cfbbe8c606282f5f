package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;
import static org.staffroom.model.PostFlags.LINK;
import static org.staffroom.model.PostFlags.QUESTION;
import static org.staffroom.model.PostFlags.REPLY;
import static org.staffroom.model.PostFlags.RETWEET;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.TestHarnesses;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.chats.ChatScopes;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

/**
 * Platforms compared (contract §2, §4), on both backends: two Thursday evenings of #UKEdChat on
 * Twitter and Bluesky. Author id 42 is one person on Twitter (alice) and another on Bluesky (bob);
 * alice is on Bluesky too, as did:alice; on the second evening the newcomers are all on Bluesky.
 */
class PlatformRowsTest {
    private static final String TWITTER = "twitter";
    private static final String BLUESKY = "bluesky";
    private static final ChatCalendar CALENDAR = ChatCalendar.defaults();

    static Post[] twoEvenings() {
        return new Post[] {
            post("w1", "2025-01-02T20:05:00Z", "42").on(TWITTER).handle("alice").followers(100).build(),
            post("w2", "2025-01-02T20:06:00Z", "7").on(TWITTER).handle("carol").flags(REPLY).followers(10).build(),
            post("w3", "2025-01-02T20:07:00Z", "did:x").on(BLUESKY).flags(LINK).followers(5).build(),
            post("p1", "2025-01-09T20:01:00Z", "42").on(TWITTER).handle("alice").flags(LINK).followers(120).build(),
            post("p2", "2025-01-09T20:02:00Z", "42").on(BLUESKY).handle("bob.bsky").followers(30).build(),
            post("p3", "2025-01-09T20:05:00Z", "did:alice").on(BLUESKY).handle("alice.bsky").flags(REPLY, QUESTION)
                    .followers(50).build(),
            post("p4", "2025-01-09T20:10:00Z", "7").on(TWITTER).handle("carol").flags(RETWEET).followers(10).build(),
            post("p5", "2025-01-09T20:20:00Z", "42").on(TWITTER).handle("alice").mentions("carol").build(),
        };
    }

    // week 1: twitter 42 and 7 (a reply), bluesky did:x (a link); all new
    private static final EngagementCounts WEEK1_TWITTER = counts(2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 2, 2, 110);
    private static final EngagementCounts WEEK1_BLUESKY = counts(1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 5);
    private static final EngagementCounts WEEK1_ALL = counts(3, 2, 0, 1, 0, 1, 0, 1, 0, 3, 3, 3, 115);
    // week 2: twitter 42 (a link, a mention; followers 120) and 7 (a retweet), both seen in week 1;
    // bluesky 42 and did:alice (a question in a reply), both new there
    private static final EngagementCounts WEEK2_TWITTER = counts(3, 2, 1, 0, 0, 1, 1, 3, 0, 2, 1, 0, 130);
    private static final EngagementCounts WEEK2_BLUESKY = counts(2, 1, 0, 1, 0, 0, 0, 0, 1, 2, 2, 2, 80);
    private static final EngagementCounts WEEK2_ALL = counts(5, 3, 1, 1, 0, 1, 1, 3, 1, 4, 3, 2, 210);

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** The counts in the order of the table's columns; no post here has another hashtag. */
    private static EngagementCounts counts(long posts, long originals, long retweets, long replies, long quotes,
            long withLink, long withMention, long brokering, long questions, long participants, long contributors,
            long newParticipants, long reach) {
        return HashtagWindowsTest.counts(posts, originals, retweets, replies, quotes, withLink, withMention, 0,
                brokering, questions, participants, contributors, newParticipants, reach);
    }

    private static List<WindowMetrics> platformRows(
            KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        List<WindowMetrics> rows = new ArrayList<>();
        for (StreamRecord<WindowMetrics> r : h.getSideOutput(EngagementWindows.PLATFORM_ROWS)) {
            rows.add(r.getValue());
        }
        return rows;
    }

    private static List<WindowMetrics> finals(List<WindowMetrics> rows) {
        return rows.stream().filter(m -> m.isFinal).collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void hashtagWindowsPerPlatformByHand(StateBackend backend) throws Exception {
        var h = TestHarnesses.open(new EngagementWindows(new HashtagScopes(WindowSizes.parse(List.of("30m", "1d"),
                ZoneOffset.UTC)), 0, 0, backend), backend);
        TestHarnesses.feedHashtags(h, twoEvenings());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<WindowMetrics> expected = new ArrayList<>();
        for (String size : List.of("30m", "1d")) {
            long week1 = size.equals("30m") ? at("2025-01-02T20:00:00Z") : at("2025-01-02T00:00:00Z");
            long week2 = size.equals("30m") ? at("2025-01-09T20:00:00Z") : at("2025-01-09T00:00:00Z");
            long length = size.equals("30m") ? 1_800_000 : 86_400_000;
            expected.add(new WindowMetrics("ukedchat", TWITTER, size, week1, week1 + length, WEEK1_TWITTER, 0, true));
            expected.add(new WindowMetrics("ukedchat", BLUESKY, size, week1, week1 + length, WEEK1_BLUESKY, 0, true));
            expected.add(new WindowMetrics("ukedchat", TWITTER, size, week2, week2 + length, WEEK2_TWITTER, 0, true));
            expected.add(new WindowMetrics("ukedchat", BLUESKY, size, week2, week2 + length, WEEK2_BLUESKY, 0, true));
        }
        assertThat(platformRows(h)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(h.extractOutputValues()).extracting(m -> m.windowSize + " " + m.counts).containsExactlyInAnyOrder(
                "30m " + WEEK1_ALL, "1d " + WEEK1_ALL, "30m " + WEEK2_ALL, "1d " + WEEK2_ALL);
        assertThat(h.extractOutputValues()).allSatisfy(m -> assertThat(m.platform).isNull());
        PlatformSums.assertAllPlatformRowsAreSums(h.extractOutputValues(), platformRows(h));
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void chatSessionsPerPlatformByHand(StateBackend backend) throws Exception {
        var h = TestHarnesses.open(new EngagementWindows(ChatScopes.sessions(CALENDAR), 0, 0, backend), backend);
        TestHarnesses.feedChats(h, CALENDAR, twoEvenings());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        long week1 = at("2025-01-02T20:00:00Z");
        long week2 = at("2025-01-09T20:00:00Z");
        long end = 1_800_000;
        // retained: twitter 42 and 7 came back; nobody on Bluesky did (bluesky 42 is not twitter 42)
        assertThat(finals(platformRows(h))).containsExactlyInAnyOrder(
                new WindowMetrics("ukedchat", TWITTER, "session", week1, week1 + end, WEEK1_TWITTER, 0, true),
                new WindowMetrics("ukedchat", BLUESKY, "session", week1, week1 + end, WEEK1_BLUESKY, 0, true),
                new WindowMetrics("ukedchat", TWITTER, "session", week2, week2 + end, WEEK2_TWITTER, 2, true),
                new WindowMetrics("ukedchat", BLUESKY, "session", week2, week2 + end, WEEK2_BLUESKY, 0, true));
        assertThat(finals(h.extractOutputValues())).containsExactly(
                new WindowMetrics("ukedchat", "session", week1, week1 + end, WEEK1_ALL, 0, true),
                new WindowMetrics("ukedchat", "session", week2, week2 + end, WEEK2_ALL, 2, true));
        PlatformSums.assertAllPlatformRowsAreSums(h.extractOutputValues(), platformRows(h));

        // a contributor without a handle is named by their author id, without the platform
        List<String> contributors = new ArrayList<>();
        for (StreamRecord<TopAccount> r : h.getSideOutput(EngagementWindows.TOP_ACCOUNTS)) {
            TopAccount top = r.getValue();
            if (top.windowStart == week1 && top.kind.equals(TopAccount.CONTRIBUTOR)) {
                contributors.add(top.account + "=" + top.posts);
            }
        }
        assertThat(contributors).containsExactly("alice=1", "carol=1", "did:x=1");
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void liveAndRewrittenRowsComeWithTheirPlatformRows(StateBackend backend) throws Exception {
        var h = TestHarnesses.open(new EngagementWindows(ChatScopes.sessions(CALENDAR),
                Duration.ofMinutes(10).toMillis(), Duration.ofSeconds(30).toMillis(), backend), backend);
        h.setProcessingTime(0);
        Post[] e = twoEvenings();
        TestHarnesses.feedChats(h, CALENDAR, e[3], e[4]);
        h.setProcessingTime(30_000);
        h.processWatermark(at("2025-01-09T20:31:00Z"));
        // within the lateness: bluesky's did:alice moves the written row
        TestHarnesses.feedChats(h, CALENDAR, e[5]);

        assertThat(h.extractOutputValues()).extracting(m -> m.counts.posts + (m.isFinal ? " final" : " open"))
                .containsExactly("2 open", "2 open", "3 open");
        assertThat(platformRows(h)).extracting(m -> m.platform + " " + m.counts.posts)
                .containsExactly("bluesky 1", "twitter 1", "bluesky 1", "twitter 1", "bluesky 2", "twitter 1");
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aOnePlatformWindowsPlatformRowIsItsAllPlatformRow(StateBackend backend) throws Exception {
        var h = TestHarnesses.open(new EngagementWindows(new HashtagScopes(WindowSizes.parse(List.of("30m"),
                ZoneOffset.UTC)), 0, 0, backend), backend);
        TestHarnesses.feedHashtags(h, HashtagWindowsTest.evening());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<WindowMetrics> all = h.extractOutputValues();
        assertThat(platformRows(h)).hasSameSizeAs(all).allSatisfy(m -> assertThat(m.platform).isEqualTo(TWITTER));
        assertThat(platformRows(h)).extracting(m -> m.scope + " " + m.windowStart + " " + m.counts)
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .map(m -> m.scope + " " + m.windowStart + " " + m.counts).collect(Collectors.toList()));
    }

    /** Every all-platform row is the sum of its window's platform rows written with it. */
    static final class PlatformSums {
        private PlatformSums() {}

        static void assertAllPlatformRowsAreSums(List<WindowMetrics> all, List<WindowMetrics> perPlatform) {
            Map<String, EngagementCounts> sums = new LinkedHashMap<>();
            Map<String, Long> retained = new LinkedHashMap<>();
            for (WindowMetrics m : latest(perPlatform)) {
                sums.computeIfAbsent(key(m), k -> new EngagementCounts()).add(m.counts);
                retained.merge(key(m), m.retainedFromPrevious, Long::sum);
            }
            List<WindowMetrics> latestAll = latest(all);
            assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(
                    latestAll.stream().map(PlatformSums::key).collect(Collectors.toList()));
            for (WindowMetrics m : latestAll) {
                // posts and every kind add up, and since a participant is (platform, author id),
                // so do participants, contributors, new, reach and retained
                assertThat(sums.get(key(m))).as(key(m)).isEqualTo(m.counts);
                assertThat(retained.get(key(m))).as(key(m)).isEqualTo(m.retainedFromPrevious);
            }
        }

        /** The rows an upsert leaves: the last one written per window and platform. */
        private static List<WindowMetrics> latest(List<WindowMetrics> rows) {
            Map<String, WindowMetrics> last = new LinkedHashMap<>();
            rows.forEach(m -> last.put(key(m) + " " + m.platform, m));
            return new ArrayList<>(last.values());
        }

        private static String key(WindowMetrics m) {
            return m.scope + " " + m.windowSize + " " + m.windowStart;
        }
    }
}
