package org.staffroom.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ChatWeeksTest {
    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void weeksRunFromMondayMidnightInTheChatsZone() {
        ChatWeeks london = new ChatWeeks(ZoneId.of("Europe/London"));
        long week = london.startOf(at("2025-03-30T19:10:00Z"));
        assertThat(week).isEqualTo(at("2025-03-24T00:00:00Z"));
        assertThat(london.endOf(week)).as("the clocks went forward: 167 hours").isEqualTo(at("2025-03-30T23:00:00Z"));
        assertThat(london.startOf(at("2025-03-30T23:00:00Z"))).isEqualTo(at("2025-03-30T23:00:00Z"));

        ChatWeeks kolkata = new ChatWeeks(ZoneId.of("Asia/Kolkata"));
        assertThat(kolkata.startOf(at("2025-01-05T18:29:59Z"))).isEqualTo(at("2024-12-29T18:30:00Z"));
        assertThat(kolkata.startOf(at("2025-01-05T18:30:00Z"))).isEqualTo(at("2025-01-05T18:30:00Z"));
    }
}
