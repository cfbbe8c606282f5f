package org.staffroom.chats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.staffroom.model.ScopeKind;
import org.staffroom.windows.LocalPeriods;

/**
 * Weeks from Monday 00:00 to Monday 00:00 in a chat's own zone: the frame in which a chat's
 * sessions are compared with the rest of its hashtag's week.
 */
public final class ChatWeeks extends LocalPeriods {
    private static final long serialVersionUID = 1L;

    public ChatWeeks(ZoneId zone) {
        super(zone);
    }

    @Override
    public String label() {
        return ScopeKind.CHAT_WEEK.windowLabel();
    }

    @Override
    protected int days() {
        return 7;
    }

    @Override
    protected LocalDate firstDay(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
