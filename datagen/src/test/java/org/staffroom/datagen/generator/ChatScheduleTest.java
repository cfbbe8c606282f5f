package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatScheduleTest {

    private static Instant start(ChatSchedule.Session s) {
        return Instant.ofEpochMilli(s.startMillis());
    }

    @Test
    void theDefaultCalendarHasThreeWeeklyUkChats() {
        assertThat(ChatSchedule.UK).extracting(c -> c.chatId).containsExactly("sltchat", "primedchat", "ukedchat");
        assertThat(ChatSchedule.UK).extracting(c -> c.tag.normalised).containsExactly("sltchat", "primedchat", "ukedchat");
        List<ChatSchedule.Session> week = ChatSchedule.sessions(LocalDate.of(2025, 1, 6), 1);
        assertThat(week).extracting(ChatSchedule.Session::chat).extracting(c -> c.chatId)
                .containsExactly("primedchat", "ukedchat", "sltchat"); // Wednesday, Thursday, Sunday
        assertThat(week).extracting(s -> start(s).toString()).containsExactly(
                "2025-01-08T20:00:00Z", "2025-01-09T20:00:00Z", "2025-01-12T20:00:00Z");
        assertThat(week).allMatch(s -> s.endMillis() - s.startMillis() == 30 * 60_000L);
    }

    @Test
    void localTwentyHundredIsNineteenUtcInSummer() {
        List<ChatSchedule.Session> july = ChatSchedule.sessions(LocalDate.of(2025, 6, 30), 1);
        assertThat(july).extracting(s -> start(s).toString()).containsExactly(
                "2025-07-02T19:00:00Z", "2025-07-03T19:00:00Z", "2025-07-06T19:00:00Z");
    }

    @Test
    void theClockChangesAreFollowedWeekByWeek() {
        // BST starts on Sunday 30 March 2025 at 01:00Z and ends on Sunday 26 October 2025 at 01:00Z
        List<ChatSchedule.Session> spring = ChatSchedule.sessions(LocalDate.of(2025, 3, 24), 2);
        assertThat(start(spring.get(1))).isEqualTo(Instant.parse("2025-03-27T20:00:00Z"));
        assertThat(start(spring.get(2))).isEqualTo(Instant.parse("2025-03-30T19:00:00Z"));
        List<ChatSchedule.Session> autumn = ChatSchedule.sessions(LocalDate.of(2025, 10, 20), 1);
        assertThat(start(autumn.get(1))).isEqualTo(Instant.parse("2025-10-23T19:00:00Z"));
        assertThat(start(autumn.get(2))).isEqualTo(Instant.parse("2025-10-26T20:00:00Z"));
    }

    @Test
    void aStartOnAnotherWeekdayStillHasEachChatOncePerWeek() {
        List<ChatSchedule.Session> s = ChatSchedule.sessions(LocalDate.of(2025, 1, 9), 2); // a Thursday
        assertThat(s).hasSize(6);
        assertThat(start(s.get(0))).isEqualTo(Instant.parse("2025-01-09T20:00:00Z"));
        assertThat(s).extracting(ChatSchedule.Session::week).containsExactly(0, 0, 0, 1, 1, 1);
    }
}
