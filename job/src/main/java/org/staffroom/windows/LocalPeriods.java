package org.staffroom.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Windows that are runs of whole local days in a time zone (days, weeks): they start at local
 * midnight, so they are an hour shorter or longer where the clocks change.
 *
 * <p>The period last asked for is remembered: nearly every post falls in the same one as the post
 * before, and the zone rules cost 2% of the job's CPU. It is immutable, so a reader never sees
 * half of one.
 */
public abstract class LocalPeriods implements WindowScheme {
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;
    private transient Period last;

    private record Period(long start, long end) {
        boolean contains(long t) {
            return t >= start && t < end;
        }
    }

    protected LocalPeriods(ZoneId zone) {
        this.zone = zone;
    }

    /** The first day of the period holding {@code day}. */
    protected abstract LocalDate firstDay(LocalDate day);

    /** How many days a period has. */
    protected abstract int days();

    /** Its days, and an hour more where the clocks go back. */
    @Override
    public final Duration longest() {
        return Duration.ofDays(days()).plusHours(1);
    }

    @Override
    public final long startOf(long timestamp) {
        return periodOf(timestamp).start;
    }

    @Override
    public final long endOf(long windowStart) {
        return periodOf(windowStart).end;
    }

    private Period periodOf(long timestamp) {
        Period period = last;
        if (period == null || !period.contains(timestamp)) {
            LocalDate first = firstDay(LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), zone));
            period = new Period(first.atStartOfDay(zone).toInstant().toEpochMilli(),
                    first.plusDays(days()).atStartOfDay(zone).toInstant().toEpochMilli());
            last = period;
        }
        return period;
    }
}
