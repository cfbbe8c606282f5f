package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.TestHarnesses;
import org.staffroom.model.LatePost;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

/**
 * A final row is final (contract §4) across restores, the end of the input and changed options:
 * per hashtag, on both state layouts. Each restore starts at watermark {@code Long.MIN_VALUE}, as
 * Flink's does.
 */
class FinalityTest {
    private static final String HALF_HOUR_AT_20 = "ukedchat 30m@2025-01-09T20:00:00Z";

    private static EngagementWindows windows(List<String> sizes, ZoneId dayZone, Duration lateness,
            StateBackend backend) {
        return new EngagementWindows(new HashtagScopes(WindowSizes.parse(sizes, dayZone)), lateness.toMillis(), 0,
                backend);
    }

    private static EngagementWindows windows(Duration lateness, StateBackend backend) {
        return windows(List.of("30m", "1d"), ZoneOffset.UTC, lateness, backend);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static String summary(WindowMetrics m) {
        return m.scope + " " + m.windowSize + "@" + Instant.ofEpochMilli(m.windowStart) + "-"
                + Instant.ofEpochMilli(m.windowEnd) + " posts=" + m.counts.posts + " new=" + m.counts.newParticipants
                + (m.isFinal ? " final" : " open");
    }

    private static List<String> rows(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        return h.extractOutputValues().stream().map(FinalityTest::summary).collect(Collectors.toList());
    }

    private static List<String> late(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        List<String> late = new ArrayList<>();
        if (h.getSideOutput(EngagementWindows.LATE) != null) {
            for (StreamRecord<LatePost> r : h.getSideOutput(EngagementWindows.LATE)) {
                late.add(r.getValue().id + " " + String.join(",", r.getValue().missed));
            }
        }
        return late;
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aLatePostReadAgainRightAfterARestoreIsStillLate(StateBackend backend) throws Exception {
        var before = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(before, post("a", "2025-01-09T20:01:00Z", "alice").build());
        before.processWatermark(at("2025-01-09T21:00:00Z"));
        assertThat(rows(before)).containsExactly(
                "ukedchat 30m@2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=1 new=1 final");
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        // before any watermark of the new run: the post is later than the bound all the same
        var after = TestHarnesses.restore(windows(Duration.ZERO, backend), backend, snapshot);
        TestHarnesses.feedHashtags(after, post("late", "2025-01-09T20:15:00Z", "bob").build());
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(late(after)).containsExactly("late 30m@2025-01-09T20:00:00Z");
        assertThat(rows(after)).as("no second final row for the half hour").containsExactly(
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=2 new=2 final");
        after.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aLongerAllowedLatenessAfterARestoreDoesNotReopenAFinalWindow(StateBackend backend) throws Exception {
        var before = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(before, post("a", "2025-01-09T20:01:00Z", "alice").build());
        before.processWatermark(at("2025-01-09T20:40:00Z"));
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        // with an hour of lateness the half hour would still be open at 20:40; it was final already
        var after = TestHarnesses.restore(windows(Duration.ofHours(1), backend), backend, snapshot);
        after.processWatermark(at("2025-01-09T20:45:00Z"));
        TestHarnesses.feedHashtags(after, post("late", "2025-01-09T20:15:00Z", "bob").build());
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(late(after)).containsExactly("late 30m@2025-01-09T20:00:00Z");
        assertThat(rows(after)).noneMatch(r -> r.startsWith(HALF_HOUR_AT_20));
        after.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aWindowStillOpenAfterAFinalOneCountsItsPostsUnderALongerLateness(StateBackend backend) throws Exception {
        var before = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(before, post("a", "2025-01-09T20:01:00Z", "alice").build(),
                post("b", "2025-01-09T20:40:00Z", "bob").build());
        before.processWatermark(at("2025-01-09T20:40:00Z"));
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        // the half hour at 20:00 is final, the one at 20:30 in state: a post for each, an hour of lateness
        var after = TestHarnesses.restore(windows(Duration.ofHours(1), backend), backend, snapshot);
        after.processWatermark(at("2025-01-09T20:45:00Z"));
        TestHarnesses.feedHashtags(after, post("c", "2025-01-09T20:50:00Z", "carol").build(),
                post("late", "2025-01-09T20:15:00Z", "dave").build());
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(late(after)).containsExactly("late 30m@2025-01-09T20:00:00Z");
        assertThat(rows(after)).containsExactlyInAnyOrder(
                "ukedchat 30m@2025-01-09T20:30:00Z-2025-01-09T21:00:00Z posts=2 new=2 final",
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=4 new=4 final");
        after.close();
    }

    /**
     * A window in state does not prove every post of its start on time: where the scheme changed
     * since it opened, the post's own window may end earlier, where a window of a third scheme is
     * final. Here the day of 30 March in London (a UTC day at first, and 23 hours long as the
     * clocks go forward) ends at 23:00Z, where the day in UTC+1 did.
     */
    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aPostIsLateForItsShorterWindowThoughTheWindowOfItsStartIsOpen(StateBackend backend) throws Exception {
        List<String> day = List.of("1d");
        var utc = TestHarnesses.open(windows(day, ZoneOffset.UTC, Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(utc, post("a", "2025-03-30T10:00:00Z", "alice").build());
        OperatorSubtaskState opened = utc.snapshot(1, 0);
        utc.close();

        var plusOne = TestHarnesses.restore(windows(day, ZoneOffset.ofHours(1), Duration.ZERO, backend), backend,
                opened);
        TestHarnesses.feedHashtags(plusOne, post("b", "2025-03-30T10:00:00Z", "bob").build());
        plusOne.processWatermark(at("2025-03-30T23:00:00Z"));
        assertThat(rows(plusOne)).containsExactly(
                "ukedchat 1d@2025-03-29T23:00:00Z-2025-03-30T23:00:00Z posts=1 new=1 final");
        OperatorSubtaskState finalised = plusOne.snapshot(1, 0);
        plusOne.close();

        var london = TestHarnesses.restore(windows(day, ZoneId.of("Europe/London"), Duration.ofHours(2), backend),
                backend, finalised);
        TestHarnesses.feedHashtags(london, post("c", "2025-03-30T12:00:00Z", "carol").build());
        london.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(late(london)).containsExactly("c 1d@2025-03-30T00:00:00Z");
        assertThat(rows(london)).containsExactly(
                "ukedchat 1d@2025-03-30T00:00:00Z-2025-03-31T00:00:00Z posts=1 new=1 final");
        london.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void theEndOfTheInputLeavesWindowsOpenAndAResumedRunCompletesThem(StateBackend backend) throws Exception {
        Post[] first = {
            post("a", "2025-01-09T20:01:00Z", "alice").build(),
            post("b", "2025-01-09T20:40:00Z", "bob").build(),
        };
        Post[] second = {
            post("c", "2025-01-09T20:50:00Z", "carol").build(),
            post("b2", "2025-01-09T21:10:00Z", "bob").build(),
        };
        var continuous = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(continuous, first);
        continuous.processWatermark(at("2025-01-09T20:35:00Z"));
        TestHarnesses.feedHashtags(continuous, second);
        continuous.processWatermark(LATER_THAN_EVERY_WINDOW);

        var ended = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(ended, first);
        ended.processWatermark(at("2025-01-09T20:35:00Z"));
        ended.processWatermark(Long.MAX_VALUE);
        assertThat(rows(ended)).containsExactly(
                "ukedchat 30m@2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=1 new=1 final",
                "ukedchat 30m@2025-01-09T20:30:00Z-2025-01-09T21:00:00Z posts=1 new=1 open",
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=2 new=2 open");
        assertThat(ended.getSideOutput(EngagementWindows.TOP_ACCOUNTS)).as("only final days rank accounts").isNull();
        OperatorSubtaskState drained = ended.snapshot(1, 0);
        ended.close();

        var resumed = TestHarnesses.restore(windows(Duration.ZERO, backend), backend, drained);
        resumed.setProcessingTime(1); // the timers the end of the input used up are set again
        TestHarnesses.feedHashtags(resumed, second);
        resumed.processWatermark(LATER_THAN_EVERY_WINDOW);

        List<String> continuousFinals = rows(continuous).stream().filter(r -> r.endsWith("final")).toList();
        assertThat(rows(resumed).stream().filter(r -> r.endsWith("final")).toList())
                .containsExactlyElementsOf(continuousFinals.subList(1, continuousFinals.size()));
        continuous.close();
        resumed.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aRemovedWindowSizeFinalisesItsOpenWindowsAndLeavesNoState(StateBackend backend) throws Exception {
        var before = TestHarnesses.open(windows(List.of("30m", "1h", "1d"), ZoneOffset.UTC, Duration.ZERO, backend),
                backend);
        TestHarnesses.feedHashtags(before, post("a", "2025-01-09T20:01:00Z", "alice").build(),
                post("b", "2025-01-09T20:45:00Z", "bob").build());
        before.processWatermark(at("2025-01-09T20:40:00Z"));
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        var after = TestHarnesses.restore(windows(List.of("30m", "1d"), ZoneOffset.UTC, Duration.ZERO, backend),
                backend, snapshot);
        TestHarnesses.feedHashtags(after, post("c", "2025-01-09T20:50:00Z", "carol").build());
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(rows(after)).containsExactlyInAnyOrder(
                "ukedchat 30m@2025-01-09T20:30:00Z-2025-01-09T21:00:00Z posts=2 new=2 final",
                "ukedchat 1h@2025-01-09T20:00:00Z-2025-01-09T21:00:00Z posts=2 new=2 final",
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=3 new=3 final");
        for (String size : List.of("30m", "1h", "1d")) {
            String window = backend == StateBackend.heap ? "windows-" + size : "totals-" + size;
            assertThat(TestHarnesses.keysWith(after, window)).as(window).isZero();
        }
        assertThat(TestHarnesses.keysWith(after, "first-seen")).isOne();
        assertThat(TestHarnesses.keysWith(after, "finalised-until")).isOne();
        assertThat(after.numEventTimeTimers()).isZero();
        after.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void anotherDayZoneKeepsTheOpenDayWhereItWasAndStartsTheNextInTheNewZone(StateBackend backend)
            throws Exception {
        var before = TestHarnesses.open(windows(List.of("1d"), ZoneOffset.UTC, Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(before, post("a", "2025-07-09T20:01:00Z", "alice").build());
        before.processWatermark(at("2025-07-09T21:00:00Z"));
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        ZoneId london = ZoneId.of("Europe/London");
        var after = TestHarnesses.restore(windows(List.of("1d"), london, Duration.ZERO, backend), backend, snapshot);
        TestHarnesses.feedHashtags(after, post("b", "2025-07-09T23:30:00Z", "bob").build()); // 00:30 BST on the 10th
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(rows(after)).containsExactly(
                "ukedchat 1d@2025-07-09T00:00:00Z-2025-07-10T00:00:00Z posts=1 new=1 final",
                "ukedchat 1d@2025-07-09T23:00:00Z-2025-07-10T23:00:00Z posts=1 new=1 final");
        after.close();
    }

    /** A post read late, stamped with how far its partition had got: the operator's watermark may lag behind. */
    private static Post readAt(Post post, String partitionReached) {
        post.eventTimeAtRead = at(partitionReached);
        return post;
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aPostIsLateByItsOwnPartitionsProgressWhateverTheWatermarkHasReached(StateBackend backend)
            throws Exception {
        var h = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(h, post("a", "2025-01-09T20:01:00Z", "alice").build(),
                readAt(post("late", "2025-01-09T20:15:00Z", "bob").build(), "2025-01-09T21:00:00Z"));
        h.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(late(h)).containsExactly("late 30m@2025-01-09T20:00:00Z");
        assertThat(rows(h)).containsExactly(
                "ukedchat 30m@2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=1 new=1 final",
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=2 new=2 final");
        h.close();
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aLatePostThatMovesSomeonesFirstPostBackGivesTheSameRowsWhetherTheirWindowWasFinalisedFirstOrNot(
            StateBackend backend) throws Exception {
        Post first = post("b1", "2025-01-09T20:40:00Z", "bob").build();
        Post earlier = readAt(post("b0", "2025-01-09T20:10:00Z", "bob").build(), "2025-01-09T21:10:00Z");

        var finalisedFirst = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(finalisedFirst, first);
        finalisedFirst.processWatermark(at("2025-01-09T21:10:00Z"));
        TestHarnesses.feedHashtags(finalisedFirst, earlier);
        finalisedFirst.processWatermark(LATER_THAN_EVERY_WINDOW);

        var notYet = TestHarnesses.open(windows(Duration.ZERO, backend), backend);
        TestHarnesses.feedHashtags(notYet, first, earlier);
        notYet.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(rows(notYet)).containsExactlyInAnyOrderElementsOf(rows(finalisedFirst)).containsExactlyInAnyOrder(
                "ukedchat 30m@2025-01-09T20:30:00Z-2025-01-09T21:00:00Z posts=1 new=1 final",
                "ukedchat 1d@2025-01-09T00:00:00Z-2025-01-10T00:00:00Z posts=2 new=1 final");
        finalisedFirst.close();
        notYet.close();
    }
}
