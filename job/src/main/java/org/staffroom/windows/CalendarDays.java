package org.staffroom.windows;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code 1d} windows as calendar days in a time zone (contract §3): 23 or 25 hours long on the
 * days the clocks change, so a day's figures match what people in that zone call a day.
 */
public final class CalendarDays extends LocalPeriods {
    private static final long serialVersionUID = 1L;

    public CalendarDays(ZoneId zone) {
        super(zone);
    }

    public static final String LABEL = "1d";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    protected int days() {
        return 1;
    }

    @Override
    protected LocalDate firstDay(LocalDate day) {
        return day;
    }
}
