package org.staffroom.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;
import static org.staffroom.model.PostFlags.RETWEET;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.TestHarnesses;
import org.staffroom.model.LatePost;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.EngagementWindows;

/** Chat sessions on an operator harness: #UKEdChat, Thursdays 20:00 UK time (20:00Z in winter). */
class ChatSessionsTest {
    private static final ChatCalendar CALENDAR = ChatCalendar.defaults();

    private static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> harness(
            Duration lateness, Duration liveRefresh, StateBackend backend) throws Exception {
        return TestHarnesses.open(new EngagementWindows(ChatScopes.sessions(CALENDAR),
                lateness.toMillis(), liveRefresh.toMillis(), backend), backend);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static List<WindowMetrics> finals(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        return h.extractOutputValues().stream().filter(m -> m.isFinal).collect(Collectors.toList());
    }

    private static String summary(WindowMetrics m) {
        return m.scope + " " + Instant.ofEpochMilli(m.windowStart) + "-" + Instant.ofEpochMilli(m.windowEnd)
                + " posts=" + m.counts.posts + " participants=" + m.counts.participants + " new="
                + m.counts.newParticipants + " returning=" + m.counts.returningParticipants + " retained="
                + m.retainedFromPrevious;
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void newReturningAndRetainedOverThreeConsecutiveSessions(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, Duration.ZERO, backend);
        TestHarnesses.feedChats(h, CALENDAR,
                post("a1", "2025-01-09T20:00:00Z", "alice").build(),
                post("b1", "2025-01-09T20:10:00Z", "bob").build(),
                post("c1", "2025-01-09T20:29:59.999Z", "carol").build(),
                post("x0", "2025-01-09T19:59:59.999Z", "zed").build(),
                post("x1", "2025-01-09T20:30:00Z", "zed").build(),
                post("a2", "2025-01-16T20:05:00Z", "alice").build(),
                post("d2", "2025-01-16T20:06:00Z", "dave").build(),
                post("b2", "2025-01-16T20:07:00Z", "bob").flags(RETWEET).build(),
                post("c3", "2025-01-23T20:01:00Z", "carol").build(),
                post("d3", "2025-01-23T20:02:00Z", "dave").build(),
                post("e3", "2025-01-23T20:03:00Z", "erin").build());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(finals(h)).extracting(ChatSessionsTest::summary).containsExactly(
                "ukedchat 2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=3 participants=3 new=3 returning=0 retained=0",
                "ukedchat 2025-01-16T20:00:00Z-2025-01-16T20:30:00Z posts=3 participants=3 new=1 returning=2 retained=2",
                "ukedchat 2025-01-23T20:00:00Z-2025-01-23T20:30:00Z posts=3 participants=3 new=1 returning=2 retained=1");
        assertThat(finals(h).get(1).counts.contributors).as("bob only retweeted").isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void retainedCountsOnlyTheOccurrenceOneWeekEarlier(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, Duration.ZERO, backend);
        TestHarnesses.feedChats(h, CALENDAR,
                post("a1", "2025-01-09T20:01:00Z", "alice").build(),
                // no post on 16 January: the 23rd has no previous session to retain from
                post("a3", "2025-01-23T20:01:00Z", "alice").build());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);
        assertThat(finals(h)).extracting(m -> m.retainedFromPrevious).containsExactly(0L, 0L);
        assertThat(finals(h)).extracting(m -> m.counts.newParticipants).containsExactly(1L, 0L);
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void sessionsFollowUkTimeAcrossTheClockChanges(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, Duration.ZERO, backend);
        TestHarnesses.feedChats(h, CALENDAR,
                // Sunday 30 March 2025, BST from 01:00Z: #SLTchat runs 19:00Z-19:30Z
                post("s1", "2025-03-30T19:00:00Z", "alice").tags("sltchat").build(),
                post("s2", "2025-03-30T19:29:59Z", "bob").tags("sltchat").build(),
                post("s3", "2025-03-30T19:30:00Z", "carol").tags("sltchat").build(),
                // Sunday 26 October 2025, GMT again from 01:00Z: 20:00Z-20:30Z
                post("s4", "2025-10-26T19:59:00Z", "dave").tags("sltchat").build(),
                post("s5", "2025-10-26T20:00:00Z", "erin").tags("sltchat").build());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);
        assertThat(finals(h)).extracting(ChatSessionsTest::summary).containsExactly(
                "sltchat 2025-03-30T19:00:00Z-2025-03-30T19:30:00Z posts=2 participants=2 new=2 returning=0 retained=0",
                "sltchat 2025-10-26T20:00:00Z-2025-10-26T20:30:00Z posts=1 participants=1 new=1 returning=0 retained=0");
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aRunningSessionIsWrittenOnTheLiveClockBeforeItEnds(StateBackend backend) throws Exception {
        var h = harness(Duration.ofMinutes(5), Duration.ofSeconds(30), backend);
        h.setProcessingTime(0);
        TestHarnesses.feedChats(h, CALENDAR, post("a", "2025-01-09T20:01:00Z", "alice").build());
        h.processWatermark(at("2025-01-09T20:05:00Z"));
        assertThat(h.extractOutputValues()).isEmpty();

        h.setProcessingTime(30_000);
        assertThat(h.extractOutputValues()).extracting(ChatSessionsTest::summary).containsExactly(
                "ukedchat 2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=1 participants=1 new=1 returning=0 retained=0");
        assertThat(h.extractOutputValues()).allSatisfy(m -> assertThat(m.isFinal).isFalse());

        TestHarnesses.feedChats(h, CALENDAR, post("b", "2025-01-09T20:02:00Z", "bob").build());
        h.setProcessingTime(60_000);
        assertThat(h.extractOutputValues()).extracting(m -> m.counts.posts).containsExactly(1L, 2L);

        // after the end the live clock stops; the watermark writes the row, then the final row
        h.processWatermark(at("2025-01-09T20:31:00Z"));
        h.setProcessingTime(90_000);
        h.setProcessingTime(120_000);
        h.processWatermark(at("2025-01-09T20:36:00Z"));
        assertThat(h.extractOutputValues()).extracting(m -> m.counts.posts + (m.isFinal ? " final" : " open"))
                .containsExactly("1 open", "2 open", "2 open", "2 final");
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aPostAfterItsSessionIsFinalIsRecordedAsLate(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, Duration.ZERO, backend);
        TestHarnesses.feedChats(h, CALENDAR, post("a", "2025-01-09T20:01:00Z", "alice").build());
        h.processWatermark(at("2025-01-09T21:00:00Z"));
        TestHarnesses.feedChats(h, CALENDAR, post("late", "2025-01-09T20:20:00Z", "bob").tags("ukedchat", "edchat").build());

        List<LatePost> lates = new ArrayList<>();
        for (StreamRecord<LatePost> r : h.getSideOutput(EngagementWindows.LATE)) {
            lates.add(r.getValue());
        }
        assertThat(lates).singleElement().satisfies(l -> {
            assertThat(l.scope).isEqualTo("chat:ukedchat");
            assertThat(l.missed).containsExactly("session@2025-01-09T20:00:00Z");
            assertThat(l.hashtags).containsExactly("ukedchat", "edchat");
        });
        assertThat(finals(h)).singleElement().satisfies(m -> assertThat(m.counts.posts).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void topAccountsRankByPostsThenAccount(StateBackend backend) throws Exception {
        var h = harness(Duration.ZERO, Duration.ZERO, backend);
        TestHarnesses.feedChats(h, CALENDAR,
                post("1", "2025-01-09T20:01:00Z", "u-alice").handle("Alice_T").mentions("bob", "carol").build(),
                post("2", "2025-01-09T20:02:00Z", "u-alice").handle("Alice_T").build(),
                post("3", "2025-01-09T20:03:00Z", "u-bob").mentions("carol").build(),
                post("4", "2025-01-09T20:04:00Z", "u-carol").handle("carol").mentions("alice_t").build(),
                post("5", "2025-01-09T20:05:00Z", "u-dan").flags(RETWEET).mentions("zoe").build());
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<String> top = new ArrayList<>();
        for (StreamRecord<TopAccount> r : h.getSideOutput(EngagementWindows.TOP_ACCOUNTS)) {
            TopAccount t = r.getValue();
            top.add(t.scope + " " + t.scopeKey + " " + Instant.ofEpochMilli(t.windowStart) + " " + t.kind + " "
                    + t.rank + " " + t.account + " " + t.posts);
        }
        assertThat(top).containsExactly(
                "session ukedchat 2025-01-09T20:00:00Z mentioned 1 carol 2",
                "session ukedchat 2025-01-09T20:00:00Z mentioned 2 alice_t 1",
                "session ukedchat 2025-01-09T20:00:00Z mentioned 3 bob 1",
                "session ukedchat 2025-01-09T20:00:00Z mentioned 4 zoe 1",
                "session ukedchat 2025-01-09T20:00:00Z contributor 1 Alice_T 2",
                "session ukedchat 2025-01-09T20:00:00Z contributor 2 carol 1",
                "session ukedchat 2025-01-09T20:00:00Z contributor 3 u-bob 1");
    }
}
