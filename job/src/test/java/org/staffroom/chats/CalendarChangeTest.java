package org.staffroom.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.LATER_THAN_EVERY_WINDOW;
import static org.staffroom.TestPosts.post;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.TestHarnesses;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.EngagementWindows;

/**
 * The job restarted from its state with another calendar (contract §4, "chats"): a chat removed
 * and a chat moved to another day and zone, each with a session open at the restart.
 */
class CalendarChangeTest {
    private static final ChatCalendar BEFORE = ChatCalendar.defaults();
    /** #primedchat gone; #UKEdChat on Tuesdays at 19:00 New York time (00:00Z on Wednesday in winter). */
    private static final ChatCalendar AFTER = new ChatCalendar(List.of(
            BEFORE.byId("sltchat"),
            new ChatSchedule("ukedchat", "ukedchat", DayOfWeek.TUESDAY, LocalTime.of(19, 0), Duration.ofMinutes(30),
                    ZoneId.of("America/New_York"))));

    private static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> harness(
            ChatCalendar calendar, StateBackend backend, OperatorSubtaskState snapshot) throws Exception {
        return TestHarnesses.restore(new EngagementWindows(ChatScopes.sessions(calendar), 0, 0, backend), backend,
                snapshot);
    }

    private static String summary(WindowMetrics m) {
        return m.scope + " " + Instant.ofEpochMilli(m.windowStart) + "-" + Instant.ofEpochMilli(m.windowEnd)
                + " posts=" + m.counts.posts + " new=" + m.counts.newParticipants + " retained="
                + m.retainedFromPrevious + (m.isFinal ? " final" : " open");
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void aRemovedChatIsFinalisedAndAMovedChatComparesWithItsLastSession(StateBackend backend) throws Exception {
        var before = harness(BEFORE, backend, null);
        TestHarnesses.feedChats(before, BEFORE,
                post("c", "2025-01-08T20:05:00Z", "carol").tags("primedchat").build(),
                post("a", "2025-01-09T20:01:00Z", "alice").build(),
                post("b", "2025-01-09T20:02:00Z", "bob").build());
        before.processWatermark(Instant.parse("2025-01-08T20:10:00Z").toEpochMilli());
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        var after = harness(AFTER, backend, snapshot);
        TestHarnesses.feedChats(after, AFTER,
                post("late-primed", "2025-01-15T20:05:00Z", "carol").tags("primedchat").build(),
                post("a2", "2025-01-15T00:05:00Z", "alice").build(),
                post("d2", "2025-01-15T00:06:00Z", "dave").build());
        after.processWatermark(LATER_THAN_EVERY_WINDOW);

        assertThat(after.extractOutputValues()).extracting(CalendarChangeTest::summary).containsExactlyInAnyOrder(
                "primedchat 2025-01-08T20:00:00Z-2025-01-08T20:30:00Z posts=1 new=1 retained=0 final",
                "ukedchat 2025-01-09T20:00:00Z-2025-01-09T20:30:00Z posts=2 new=2 retained=0 final",
                "ukedchat 2025-01-15T00:00:00Z-2025-01-15T00:30:00Z posts=2 new=1 retained=1 final");
        assertThat(after.numEventTimeTimers()).isZero();
        after.close();
    }
}
