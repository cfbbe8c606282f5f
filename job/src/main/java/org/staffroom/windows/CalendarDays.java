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

    public CalendarDays(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String label() {
        return "1d";
    }

    @Override
    public long startOf(long timestamp) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), zone);
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    public boolean ranksAccounts() {
        return true;
    }

    @Override
    public long endOf(long windowStart) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(windowStart), zone);
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
