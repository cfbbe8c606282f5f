package org.staffroom.chats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.staffroom.windows.WindowScheme;

/**
 * Weeks from Monday 00:00 to Monday 00:00 in a chat's own zone: the frame in which a chat's
 * sessions are compared with the rest of its hashtag's week.
 */
public final class ChatWeeks implements WindowScheme {
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    public ChatWeeks(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String label() {
        return "week";
    }

    @Override
    public long startOf(long timestamp) {
        LocalDate monday = LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), zone)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    public long endOf(long weekStart) {
        LocalDate monday = LocalDate.ofInstant(Instant.ofEpochMilli(weekStart), zone);
        return monday.plusWeeks(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
