package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.staffroom.chats.ChatWeeks;

class WindowSizesTest {
    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void subDayWindowsAlignToTheEpoch() {
        WindowScheme halfHour = WindowSizes.parse(List.of("30m"), ZoneOffset.UTC).get(0);
        assertThat(halfHour.label()).isEqualTo("30m");
        assertThat(halfHour.startOf(at("2025-03-30T19:59:59.999Z"))).isEqualTo(at("2025-03-30T19:30:00Z"));
        assertThat(halfHour.startOf(at("2025-03-30T20:00:00Z"))).isEqualTo(at("2025-03-30T20:00:00Z"));
        assertThat(halfHour.endOf(at("2025-03-30T20:00:00Z"))).isEqualTo(at("2025-03-30T20:30:00Z"));
    }

    @Test
    void oneDayIsACalendarDayInTheZoneEvenWhenTheClocksChange() {
        WindowScheme day = WindowSizes.parse(List.of("1d"), ZoneId.of("Europe/London")).get(0);
        long start = day.startOf(at("2025-03-30T12:00:00Z"));
        assertThat(start).isEqualTo(at("2025-03-30T00:00:00Z"));
        assertThat(day.endOf(start)).as("23 hours: BST starts").isEqualTo(at("2025-03-30T23:00:00Z"));
        long autumn = day.startOf(at("2025-10-26T12:00:00Z"));
        assertThat(autumn).isEqualTo(at("2025-10-25T23:00:00Z"));
        assertThat(day.endOf(autumn)).as("25 hours: BST ends").isEqualTo(at("2025-10-27T00:00:00Z"));
    }

    @Test
    void sizesHaveOneSpelling() {
        assertThat(WindowSizes.parse(List.of("60m", "15m", "1D"), ZoneOffset.UTC))
                .extracting(WindowScheme::label).containsExactly("1h", "15m", "1d");
    }

    @Test
    void rejectsSizesThatDoNotTileADay() {
        assertThatThrownBy(() -> WindowSizes.parse(List.of("7m"), ZoneOffset.UTC))
                .hasMessageContaining("must be shorter than a day and divide it evenly");
        assertThatThrownBy(() -> WindowSizes.parse(List.of("2d"), ZoneOffset.UTC))
                .hasMessageContaining("only 1d");
        assertThatThrownBy(() -> WindowSizes.parse(List.of("half an hour"), ZoneOffset.UTC))
                .hasMessageContaining("is not a number followed by m, h or d");
        assertThatThrownBy(() -> WindowSizes.parse(List.of("30m", "30m"), ZoneOffset.UTC))
                .hasMessageContaining("given twice");
    }

    @Test
    void daysAndWeeksRememberingTheLastPeriodAgreeWithTheZoneRulesInAnyOrder() {
        Random random = new Random(5);
        for (String zone : new String[] {"Europe/London", "Australia/Sydney", "America/New_York"}) {
            ZoneId id = ZoneId.of(zone);
            assertAgree(new CalendarDays(id), id, d -> d, d -> d.plusDays(1), random);
            assertAgree(new ChatWeeks(id), id, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    d -> d.plusWeeks(1), random);
        }
    }

    private static void assertAgree(WindowScheme scheme, ZoneId zone, UnaryOperator<LocalDate> first,
            UnaryOperator<LocalDate> next, Random random) {
        long from = at("2025-03-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            // instants over 300 days, across the clock changes, each followed by the next millisecond
            long t = from + (long) (random.nextDouble() * 300 * 86_400_000L);
            LocalDate day = first.apply(LocalDate.ofInstant(Instant.ofEpochMilli(t), zone));
            long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
            long end = next.apply(day).atStartOfDay(zone).toInstant().toEpochMilli();
            String what = scheme.label() + " in " + zone + " at " + Instant.ofEpochMilli(t);
            assertThat(scheme.startOf(t)).as(what).isEqualTo(start);
            assertThat(scheme.endOf(start)).as(what).isEqualTo(end);
            assertThat(scheme.startOf(t + 1)).as(what).isEqualTo(t + 1 < end ? start : end);
        }
    }
}
