package org.staffroom.datagen.generator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The weekly chats of the contract's default calendar (§3): #SLTchat on Sunday, #primedchat on
 * Wednesday and #UKEdChat on Thursday, 20:00 to 20:30 Europe/London. A copy rather than a
 * dependency on the job, so that the producer side stays independent of the consumer; the sizes
 * and hosts are the generator's own.
 */
final class ChatSchedule {
    private ChatSchedule() {}

    /** One weekly chat. */
    static final class Chat {
        final int index;
        final String chatId;
        final Tag tag;
        final DayOfWeek day;
        final LocalTime localStart;
        final Duration duration;
        /** The chat's own account, which welcomes, asks the questions and thanks. */
        final String hostHandle;
        /** Expected participant posts in a session per educator in the community. */
        final double postsPerMember;

        Chat(int index, String chatId, Tag tag, DayOfWeek day, String hostHandle, double postsPerMember) {
            this.index = index;
            this.chatId = chatId;
            this.tag = tag;
            this.day = day;
            this.localStart = LocalTime.of(20, 0);
            this.duration = Duration.ofMinutes(30);
            this.hostHandle = hostHandle;
            this.postsPerMember = postsPerMember;
        }

        @Override
        public String toString() {
            return chatId;
        }
    }

    /** #UKEdChat is the big one; #SLTchat's audience (school leaders) is the smallest. */
    static final List<Chat> UK = List.of(
            new Chat(0, "sltchat", Hashtags.SLTCHAT, DayOfWeek.SUNDAY, "SLTchat", 0.08),
            new Chat(1, "primedchat", Hashtags.PRIMEDCHAT, DayOfWeek.WEDNESDAY, "PrimEdChat", 0.10),
            new Chat(2, "ukedchat", Hashtags.UKEDCHAT, DayOfWeek.THURSDAY, "UKEdChat", 0.20));

    /** One occurrence of a chat. */
    record Session(Chat chat, int week, long startMillis, long endMillis) {}

    /**
     * Every session in the {@code weeks} weeks from UK local midnight of {@code start}, in start
     * order. The local start is converted with the zone's rules of that date, so a 20:00 chat
     * starts at 20:00Z in winter and 19:00Z in summer.
     */
    static List<Session> sessions(LocalDate start, int weeks) {
        List<Session> sessions = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate weekStart = start.plusDays(7L * w);
            for (Chat chat : UK) {
                LocalDate date = weekStart.with(TemporalAdjusters.nextOrSame(chat.day));
                long begin = ZonedDateTime.of(date, chat.localStart, GeneratorConfig.ZONE).toInstant().toEpochMilli();
                sessions.add(new Session(chat, w, begin, begin + chat.duration.toMillis()));
            }
        }
        sessions.sort(Comparator.comparingLong(Session::startMillis));
        return sessions;
    }
}
