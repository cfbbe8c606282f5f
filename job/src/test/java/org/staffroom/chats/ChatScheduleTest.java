package org.staffroom.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.staffroom.chats.ChatSchedule.NONE;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every expected instant below is worked out by hand from the zone's published rules. */
class ChatScheduleTest {
    private static final ChatSchedule SLTCHAT = ChatCalendar.defaults().byId("sltchat");
    private static final ChatSchedule UKEDCHAT = ChatCalendar.defaults().byId("ukedchat");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static ChatSchedule chat(DayOfWeek day, String start, Duration duration, String zone) {
        return new ChatSchedule("test", "test", day, LocalTime.parse(start), duration, ZoneId.of(zone));
    }

    @Test
    void aUkChatAtEightIsEightUtcInWinterAndSevenInSummer() {
        // Thursday 9 January 2025 (GMT) and Thursday 10 July 2025 (BST, UTC+1)
        assertThat(UKEDCHAT.sessionContaining(at("2025-01-09T20:01:00Z"))).isEqualTo(at("2025-01-09T20:00:00Z"));
        assertThat(UKEDCHAT.sessionContaining(at("2025-07-10T19:01:00Z"))).isEqualTo(at("2025-07-10T19:00:00Z"));
        assertThat(UKEDCHAT.sessionContaining(at("2025-07-10T20:01:00Z"))).as("21:01 BST").isEqualTo(NONE);
        assertThat(UKEDCHAT.sessionContaining(at("2025-01-08T20:01:00Z"))).as("a Wednesday").isEqualTo(NONE);
    }

    @Test
    void bothUkClockChangeDays() {
        // Sunday 30 March 2025: BST starts at 01:00Z, so the evening chat starts at 19:00Z
        assertThat(SLTCHAT.sessionContaining(at("2025-03-30T19:15:00Z"))).isEqualTo(at("2025-03-30T19:00:00Z"));
        assertThat(SLTCHAT.sessionContaining(at("2025-03-30T20:15:00Z"))).isEqualTo(NONE);
        // Sunday 26 October 2025: BST ends at 01:00Z, so the evening chat starts at 20:00Z
        assertThat(SLTCHAT.sessionContaining(at("2025-10-26T20:15:00Z"))).isEqualTo(at("2025-10-26T20:00:00Z"));
        assertThat(SLTCHAT.sessionContaining(at("2025-10-26T19:15:00Z"))).isEqualTo(NONE);
    }

    @Test
    void previousStartIsTheSameLocalTimeAWeekEarlier() {
        assertThat(SLTCHAT.previousStart(at("2025-03-30T19:00:00Z"))).as("167 hours")
                .isEqualTo(at("2025-03-23T20:00:00Z"));
        assertThat(SLTCHAT.previousStart(at("2025-11-02T20:00:00Z"))).as("168 hours")
                .isEqualTo(at("2025-10-26T20:00:00Z"));
        assertThat(SLTCHAT.previousStart(at("2025-10-26T20:00:00Z"))).as("169 hours")
                .isEqualTo(at("2025-10-19T19:00:00Z"));
    }

    @Test
    void previousStartRefusesAnInstantThatIsNoStart() {
        assertThatThrownBy(() -> SLTCHAT.previousStart(at("2025-03-30T20:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2025-03-30T20:00:00Z is not a start of chat sltchat");
    }

    @Test
    void aSessionIncludesItsStartAndExcludesItsEnd() {
        long start = at("2025-01-09T20:00:00Z");
        long end = at("2025-01-09T20:30:00Z");
        assertThat(UKEDCHAT.sessionContaining(start - 1)).isEqualTo(NONE);
        assertThat(UKEDCHAT.sessionContaining(start)).isEqualTo(start);
        assertThat(UKEDCHAT.sessionContaining(end - 1)).isEqualTo(start);
        assertThat(UKEDCHAT.sessionContaining(end)).isEqualTo(NONE);
    }

    @Test
    void asAWindowSchemeASessionIsAWindow() {
        long start = at("2025-01-09T20:00:00Z");
        assertThat(UKEDCHAT.label()).isEqualTo("session");
        assertThat(UKEDCHAT.startOf(at("2025-01-09T20:29:00Z"))).isEqualTo(start);
        assertThat(UKEDCHAT.endOf(start)).isEqualTo(at("2025-01-09T20:30:00Z"));
    }

    @Test
    void newYorkAroundBothClockChanges() {
        // Tuesday 21:00 in New York is already Wednesday in UTC; EDT (UTC-4) from Sunday 9 March
        // to Sunday 2 November 2025, EST (UTC-5) otherwise
        ChatSchedule tuesday = chat(DayOfWeek.TUESDAY, "21:00", Duration.ofMinutes(60), "America/New_York");
        assertThat(tuesday.sessionContaining(at("2025-03-05T02:59:00Z"))).isEqualTo(at("2025-03-05T02:00:00Z"));
        assertThat(tuesday.sessionContaining(at("2025-03-12T01:00:00Z"))).isEqualTo(at("2025-03-12T01:00:00Z"));
        assertThat(tuesday.sessionContaining(at("2025-03-12T02:00:00Z"))).as("22:00 EDT").isEqualTo(NONE);
        assertThat(tuesday.previousStart(at("2025-03-12T01:00:00Z"))).isEqualTo(at("2025-03-05T02:00:00Z"));
        assertThat(tuesday.sessionContaining(at("2025-10-29T01:30:00Z"))).isEqualTo(at("2025-10-29T01:00:00Z"));
        assertThat(tuesday.sessionContaining(at("2025-11-05T02:30:00Z"))).isEqualTo(at("2025-11-05T02:00:00Z"));
        assertThat(tuesday.previousStart(at("2025-11-05T02:00:00Z"))).isEqualTo(at("2025-10-29T01:00:00Z"));
    }

    @Test
    void sydneyKeepsSummerTimeInTheSouthernSummer() {
        // AEDT (UTC+11) ends Sunday 6 April 2025 at 03:00 local; AEST (UTC+10) ends Sunday 5 October
        // 2025 at 02:00 local; the Sunday evening chats on those days already have the new offset
        ChatSchedule sunday = chat(DayOfWeek.SUNDAY, "20:00", Duration.ofMinutes(30), "Australia/Sydney");
        assertThat(sunday.sessionContaining(at("2025-03-30T09:10:00Z"))).isEqualTo(at("2025-03-30T09:00:00Z"));
        assertThat(sunday.sessionContaining(at("2025-04-06T10:10:00Z"))).isEqualTo(at("2025-04-06T10:00:00Z"));
        assertThat(sunday.previousStart(at("2025-04-06T10:00:00Z"))).isEqualTo(at("2025-03-30T09:00:00Z"));
        assertThat(sunday.sessionContaining(at("2025-09-28T10:10:00Z"))).isEqualTo(at("2025-09-28T10:00:00Z"));
        assertThat(sunday.sessionContaining(at("2025-10-05T09:10:00Z"))).isEqualTo(at("2025-10-05T09:00:00Z"));
        assertThat(sunday.previousStart(at("2025-10-05T09:00:00Z"))).isEqualTo(at("2025-09-28T10:00:00Z"));
    }

    @Test
    void kolkataIsFiveAndAHalfHoursAheadAllYear() {
        ChatSchedule monday = chat(DayOfWeek.MONDAY, "21:00", Duration.ofMinutes(30), "Asia/Kolkata");
        assertThat(monday.sessionContaining(at("2025-01-06T15:30:00Z"))).isEqualTo(at("2025-01-06T15:30:00Z"));
        assertThat(monday.sessionContaining(at("2025-01-06T15:29:59.999Z"))).isEqualTo(NONE);
        assertThat(monday.sessionContaining(at("2025-07-07T15:59:59.999Z"))).isEqualTo(at("2025-07-07T15:30:00Z"));
        assertThat(monday.previousStart(at("2025-07-07T15:30:00Z"))).isEqualTo(at("2025-06-30T15:30:00Z"));
    }

    @Test
    void aSessionMayCrossLocalMidnight() {
        ChatSchedule lateSaturday = chat(DayOfWeek.SATURDAY, "23:45", Duration.ofMinutes(30), "Europe/London");
        // 00:10 GMT on Sunday 12 January 2025
        assertThat(lateSaturday.sessionContaining(at("2025-01-12T00:10:00Z"))).isEqualTo(at("2025-01-11T23:45:00Z"));
        assertThat(lateSaturday.sessionContaining(at("2025-01-12T00:15:00Z"))).isEqualTo(NONE);
        // 00:10 BST on Sunday 13 July 2025 is still Saturday in UTC
        assertThat(lateSaturday.sessionContaining(at("2025-07-12T23:10:00Z"))).isEqualTo(at("2025-07-12T22:45:00Z"));
        // 00:10 on Saturday morning is not the end of Friday's session: there is none
        assertThat(lateSaturday.sessionContaining(at("2025-01-11T00:10:00Z"))).isEqualTo(NONE);
    }

    @Test
    void aStartInTheSpringGapMovesForwardByTheGap() {
        // 01:30 does not exist in London on Sunday 30 March 2025: it becomes 02:30 BST = 01:30Z
        ChatSchedule night = chat(DayOfWeek.SUNDAY, "01:30", Duration.ofMinutes(30), "Europe/London");
        assertThat(night.sessionContaining(at("2025-03-30T01:29:59.999Z"))).isEqualTo(NONE);
        assertThat(night.sessionContaining(at("2025-03-30T01:30:00Z"))).isEqualTo(at("2025-03-30T01:30:00Z"));
        assertThat(night.sessionContaining(at("2025-03-30T01:59:59.999Z"))).isEqualTo(at("2025-03-30T01:30:00Z"));
        assertThat(night.endOf(at("2025-03-30T01:30:00Z"))).isEqualTo(at("2025-03-30T02:00:00Z"));
        assertThat(night.previousStart(at("2025-03-30T01:30:00Z"))).isEqualTo(at("2025-03-23T01:30:00Z"));
        assertThat(night.previousStart(at("2025-04-06T00:30:00Z"))).as("01:30 BST a week later")
                .isEqualTo(at("2025-03-30T01:30:00Z"));
    }

    @Test
    void aStartInTheAutumnOverlapTakesTheEarlierOffset() {
        // 01:30 happens twice in London on Sunday 26 October 2025: first in BST (00:30Z), then in GMT
        ChatSchedule night = chat(DayOfWeek.SUNDAY, "01:30", Duration.ofMinutes(30), "Europe/London");
        assertThat(night.sessionContaining(at("2025-10-26T00:30:00Z"))).isEqualTo(at("2025-10-26T00:30:00Z"));
        assertThat(night.sessionContaining(at("2025-10-26T01:00:00Z"))).isEqualTo(NONE);
        assertThat(night.sessionContaining(at("2025-10-26T01:30:00Z"))).as("the second 01:30").isEqualTo(NONE);
    }

    @Test
    void aStartMovedToTheNextDateByAGapStillBelongsToItsDate() {
        // Samoa skipped Friday 30 December 2011 (UTC-10 to UTC+14 at 10:00Z): that Friday's 20:00
        // moves forward by the 24-hour gap to Saturday 20:00 +14 = 06:00Z; the Fridays around it are
        // 23 December 20:00 -10 and 6 January 20:00 +14
        ChatSchedule friday = chat(DayOfWeek.FRIDAY, "20:00", Duration.ofMinutes(30), "Pacific/Apia");
        assertThat(friday.sessionContaining(at("2011-12-31T06:10:00Z"))).isEqualTo(at("2011-12-31T06:00:00Z"));
        assertThat(friday.previousStart(at("2011-12-31T06:00:00Z"))).isEqualTo(at("2011-12-24T06:00:00Z"));
        assertThat(friday.previousStart(at("2012-01-06T06:00:00Z"))).isEqualTo(at("2011-12-31T06:00:00Z"));
    }

    @Test
    void aDayLongSessionMayEndAfterTheNextLocalMidnight() {
        // Sunday 30 March 2025 in London has 23 hours: 00:00 GMT + 24 hours is Monday 01:00 BST
        ChatSchedule sunday = chat(DayOfWeek.SUNDAY, "00:00", Duration.ofDays(1), "Europe/London");
        assertThat(sunday.sessionContaining(at("2025-03-30T23:30:00Z"))).as("Monday 00:30 BST")
                .isEqualTo(at("2025-03-30T00:00:00Z"));
        assertThat(sunday.sessionContaining(at("2025-03-31T00:00:00Z"))).isEqualTo(NONE);
    }

    @Test
    void theConstructorKeepsItsInvariants() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalTime eight = LocalTime.of(20, 0);
        assertThatThrownBy(() -> new ChatSchedule("SLTchat", "sltchat", DayOfWeek.SUNDAY, eight, Duration.ofMinutes(30),
                london)).hasMessage("id 'SLTchat' must consist of lower-case letters a-z, digits, '_' and '-'");
        assertThatThrownBy(() -> new ChatSchedule("x", "", DayOfWeek.SUNDAY, eight, Duration.ofMinutes(30), london))
                .hasMessage("hashtag is empty");
        assertThatThrownBy(() -> new ChatSchedule("x", "x", DayOfWeek.SUNDAY, eight, Duration.ZERO, london))
                .hasMessage("duration must be positive and at most 1d, got PT0S");
        assertThatThrownBy(() -> new ChatSchedule("x", "x", DayOfWeek.SUNDAY, eight, Duration.ofHours(25), london))
                .hasMessage("duration must be positive and at most 1d, got PT25H");
    }
}
