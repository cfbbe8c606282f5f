package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;
import static org.staffroom.model.PostFlags.LINK;
import static org.staffroom.model.PostFlags.QUESTION;
import static org.staffroom.model.PostFlags.QUOTE;
import static org.staffroom.model.PostFlags.REPLY;
import static org.staffroom.model.PostFlags.RETWEET;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.TestHarnesses;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.LatePost;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

class HashtagWindowsTest {
    private static final List<WindowScheme> SIZES = WindowSizes.parse(List.of("30m", "1d"), ZoneOffset.UTC);

    private static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> harness(
            Duration lateness, StateBackend backend) throws Exception {
        return TestHarnesses.open(new EngagementWindows(new HashtagScopes(SIZES), lateness.toMillis(), 0, backend),
                backend);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static List<WindowMetrics> rows(
            KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h, String hashtag) {
        return h.extractOutputValues().stream().filter(m -> m.scope.equals(hashtag)).collect(Collectors.toList());
    }

    static EngagementCounts counts(long posts, long originals, long retweets, long replies, long quotes,
            long withLink, long withMention, long withCotag, long brokering, long questions, long participants,
            long contributors, long newParticipants, long reach) {
        EngagementCounts c = new EngagementCounts();
        c.posts = posts;
        c.originals = originals;
        c.retweets = retweets;
        c.replies = replies;
        c.quotes = quotes;
        c.withLink = withLink;
        c.withMention = withMention;
        c.withCotag = withCotag;
        c.brokering = brokering;
        c.questions = questions;
        c.participants = participants;
        c.contributors = contributors;
        c.newParticipants = newParticipants;
        c.returningParticipants = participants - newParticipants;
        c.reach = reach;
        return c;
    }

    /** The hand-worked example of the README: one evening of #UKEdChat in two half hours. */
    static Post[] evening() {
        return new Post[] {
            post("p1", "2025-01-09T20:01:00Z", "alice").tags("ukedchat", "edchat").flags(LINK).followers(100).build(),
            post("p2", "2025-01-09T20:05:00Z", "bob").flags(RETWEET).followers(50).build(),
            post("p3", "2025-01-09T20:10:00Z", "alice").flags(REPLY, QUESTION).mentions("carol").followers(120).build(),
            post("p4", "2025-01-09T20:20:00Z", "carol").flags(QUOTE).build(),
            post("p5", "2025-01-09T20:31:00Z", "bob").flags(QUESTION).followers(60).build(),
            post("p6", "2025-01-09T20:45:00Z", "dave").flags(RETWEET, LINK).followers(10).build(),
        };
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void computesEveryCountOfAnEveningByHand(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, backend);
        Post[] e = evening();
        TestHarnesses.feedHashtags(h, e[3], e[0], e[2], e[1], e[5], e[4]);
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(rows(h, "ukedchat")).containsExactlyInAnyOrder(
                new WindowMetrics("ukedchat", "30m", at("2025-01-09T20:00:00Z"), at("2025-01-09T20:30:00Z"),
                        counts(4, 1, 1, 1, 1, 1, 1, 1, 3, 1, 3, 2, 3, 170), 0, true),
                new WindowMetrics("ukedchat", "30m", at("2025-01-09T20:30:00Z"), at("2025-01-09T21:00:00Z"),
                        counts(2, 1, 1, 0, 0, 1, 0, 0, 1, 1, 2, 1, 1, 70), 0, true),
                new WindowMetrics("ukedchat", "1d", at("2025-01-09T00:00:00Z"), at("2025-01-10T00:00:00Z"),
                        counts(6, 2, 2, 1, 1, 2, 1, 1, 4, 2, 4, 3, 4, 190), 0, true));
        assertThat(rows(h, "edchat")).hasSize(2);
        assertThat(h.getSideOutput(EngagementWindows.LATE)).isNull();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void participantsAreNewOnlyInTheWindowOfTheirFirstPostEver(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").build());
        h.processWatermark(at("2025-01-16T00:00:00Z"));
        TestHarnesses.feedHashtags(h, post("b", "2025-01-16T20:01:00Z", "alice").build(), post("c", "2025-01-16T20:02:00Z", "bob").build());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<WindowMetrics> week2 = rows(h, "ukedchat").stream()
                .filter(m -> m.windowStart >= at("2025-01-16T00:00:00Z")).collect(Collectors.toList());
        assertThat(week2).hasSize(2).allSatisfy(m -> {
            assertThat(m.counts.participants).isEqualTo(2);
            assertThat(m.counts.newParticipants).isEqualTo(1);
            assertThat(m.counts.returningParticipants).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aPostForAFinalWindowIsLateThereAndCountedWhereStillOpen(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").build());
        h.processWatermark(at("2025-01-09T20:40:00Z"));
        Post late = post("late", "2025-01-09T20:15:00Z", "bob").tags("ukedchat", "edchat").build();
        TestHarnesses.feedHashtags(h, late);
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<WindowMetrics> rows = rows(h, "ukedchat");
        assertThat(rows).filteredOn(m -> m.windowSize.equals("30m")).singleElement()
                .satisfies(m -> assertThat(m.counts.posts).isEqualTo(1));
        assertThat(rows).filteredOn(m -> m.windowSize.equals("1d")).singleElement()
                .satisfies(m -> assertThat(m.counts.posts).isEqualTo(2));
        List<LatePost> lates = new ArrayList<>();
        for (StreamRecord<LatePost> r : h.getSideOutput(EngagementWindows.LATE)) {
            lates.add(r.getValue());
        }
        assertThat(lates).extracting(l -> l.scope).containsExactlyInAnyOrder("hashtag:ukedchat", "hashtag:edchat");
        assertThat(lates).filteredOn(l -> l.scope.equals("hashtag:ukedchat")).singleElement().satisfies(l -> {
            assertThat(l.id).isEqualTo("late");
            assertThat(l.scope).isEqualTo("hashtag:ukedchat");
            assertThat(l.hashtags).containsExactly("ukedchat", "edchat");
            assertThat(l.missed).containsExactly("30m@2025-01-09T20:00:00Z");
        });
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void withAllowedLatenessARowIsRewrittenUntilItIsFinal(StateBackend backend) throws Exception {
        var h = harness(Duration.ofMinutes(10), backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").build());
        h.processWatermark(at("2025-01-09T20:30:00Z"));
        TestHarnesses.feedHashtags(h, post("b", "2025-01-09T20:29:00Z", "bob").build());
        h.processWatermark(at("2025-01-09T20:40:00Z"));

        List<String> halfHour = rows(h, "ukedchat").stream().filter(m -> m.windowSize.equals("30m"))
                .map(m -> m.counts.posts + (m.isFinal ? " final" : " open")).collect(Collectors.toList());
        assertThat(halfHour).containsExactly("1 open", "2 open", "2 final");
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aLatePostThatMovesSomeonesFirstPostBackRewritesTheWindowThatCalledThemNew(StateBackend backend) throws Exception {
        var h = harness(Duration.ofHours(1), backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").build(), post("e", "2025-01-09T20:40:00Z", "eve").build());
        h.processWatermark(at("2025-01-09T21:00:00Z"));
        TestHarnesses.feedHashtags(h, post("e0", "2025-01-09T20:10:00Z", "eve").build());

        List<WindowMetrics> second = rows(h, "ukedchat").stream()
                .filter(m -> m.windowStart == at("2025-01-09T20:30:00Z")).collect(Collectors.toList());
        assertThat(second).extracting(m -> m.counts.newParticipants).containsExactly(1L, 0L);
        h.processWatermark(LATER_THAN_EVERY_WINDOW);
        List<WindowMetrics> finals = rows(h, "ukedchat").stream().filter(m -> m.isFinal)
                .collect(Collectors.toList());
        assertThat(finals).filteredOn(m -> m.windowSize.equals("30m"))
                .extracting(m -> m.counts.newParticipants).containsExactlyInAnyOrder(2L, 0L);
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void finalWindowsLeaveOnlyWhoWasFirstSeenWhen(StateBackend backend) throws Exception {
        var h = harness(Duration.ofMinutes(10), backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").tags("ukedchat", "edchat").mentions("bob").build(),
                post("b", "2025-01-09T23:50:00Z", "bob").mentions("alice", "carol").build(),
                post("c", "2025-01-10T08:00:00Z", "carol").tags("edchat").build());
        h.processWatermark(at("2025-01-12T00:00:00Z"));

        // #ukedchat: 30m at 20:00 and 23:30, day 9; #edchat: 30m at 20:00 and 08:00, days 9 and 10
        assertThat(h.extractOutputValues()).filteredOn(m -> m.isFinal).hasSize(3 + 4);
        // every window, participant and mention is gone; each hashtag keeps its first-seen map (two
        // authors each), and the end of its latest final window per size
        assertThat(TestHarnesses.keyedStateEntries(h)).isEqualTo(backend == StateBackend.heap ? 2 + 2 : 4 + 4);
        assertThat(h.numEventTimeTimers()).isZero();
    }
}
