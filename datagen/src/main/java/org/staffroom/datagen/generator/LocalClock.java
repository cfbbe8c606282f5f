package org.staffroom.datagen.generator;

import java.time.Instant;

/**
 * UK local time for every instant of a run, by table lookup. The offset from UTC is stored per UTC
 * hour: Europe/London changes it at 01:00Z, on an hour boundary, so the table is exact and the
 * generator never calls the zone rules per post.
 */
final class LocalClock {
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;
    static final long WEEK = 7 * DAY;

    final long start;
    final long end;
    private final int[] offsetMinutes;

    LocalClock(GeneratorConfig config) {
        this.start = config.startInstant().toEpochMilli();
        this.end = config.endInstant().toEpochMilli();
        int hours = (int) ((end - start) / HOUR);
        this.offsetMinutes = new int[hours];
        for (int h = 0; h < hours; h++) {
            Instant at = Instant.ofEpochMilli(start + h * HOUR);
            offsetMinutes[h] = GeneratorConfig.ZONE.getRules().getOffset(at).getTotalSeconds() / 60;
        }
    }

    int hours() {
        return offsetMinutes.length;
    }

    long hourStart(int hour) {
        return start + hour * HOUR;
    }

    /** Local wall-clock time of {@code t} as if it were UTC millis (for day and hour arithmetic). */
    long local(long t) {
        int h = (int) ((t - start) / HOUR);
        h = Math.max(0, Math.min(offsetMinutes.length - 1, h));
        return t + offsetMinutes[h] * MINUTE;
    }

    int localMinuteOfDay(long t) {
        return (int) (Math.floorMod(local(t), DAY) / MINUTE);
    }

    int localHour(long t) {
        return (int) (Math.floorMod(local(t), DAY) / HOUR);
    }

    /** Monday = 0 … Sunday = 6 (the epoch, 1970-01-01, was a Thursday). */
    int localDayOfWeek(long t) {
        return (int) Math.floorMod(Math.floorDiv(local(t), DAY) + 3, 7L);
    }

    /** The instant of local {@code minuteOfDay} on the local day of {@code t}. */
    long sameLocalDayAt(long t, int minuteOfDay) {
        return t + (minuteOfDay - localMinuteOfDay(t)) * MINUTE - Math.floorMod(t, MINUTE);
    }

    /** Week index of {@code t} within the run (0-based; DST weeks are an hour off, which is fine here). */
    int week(long t) {
        return (int) ((t - start) / WEEK);
    }
}
