package org.staffroom.windows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code 1d} windows as calendar days in a time zone (contract §3): 23 or 25 hours long on the
 * days the clocks change, so a day's figures match what people in that zone call a day.
 */
public final class CalendarDays implements WindowScheme {
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;
    /**
     * The day last asked for: nearly every post falls in the same day as the one before, and the
     * zone rules cost 2% of the job's CPU. Immutable, so a reader never sees half of one.
     */
    private transient Day last;

    private record Day(long start, long end) {
        boolean contains(long t) {
            return t >= start && t < end;
        }
    }

    public CalendarDays(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String label() {
        return "1d";
    }

    @Override
    public long startOf(long timestamp) {
        return dayOf(timestamp).start;
    }

    @Override
    public boolean ranksAccounts() {
        return true;
    }

    @Override
    public long endOf(long windowStart) {
        return dayOf(windowStart).end;
    }

    private Day dayOf(long timestamp) {
        Day day = last;
        if (day == null || !day.contains(timestamp)) {
            LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), zone);
            day = new Day(date.atStartOfDay(zone).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            last = day;
        }
        return day;
    }
}
