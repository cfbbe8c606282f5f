package org.staffroom.chats;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chats whose sessions the job measures (contract §3), in the order given, with unique ids.
 * Empty means no chats.
 */
public record ChatCalendar(List<ChatSchedule> chats) implements Serializable {

    public ChatCalendar {
        chats = List.copyOf(chats);
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < chats.size(); i++) {
            String id = chats.get(i).chatId();
            Integer first = numbers.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new IllegalArgumentException("duplicate chat id '" + id + "' (chats #" + first + " and #"
                        + (i + 1) + ")");
            }
        }
    }

    /** The calendar of contract §3. */
    public static ChatCalendar defaults() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalTime eightPm = LocalTime.of(20, 0);
        Duration halfHour = Duration.ofMinutes(30);
        return new ChatCalendar(List.of(
                new ChatSchedule("sltchat", "sltchat", DayOfWeek.SUNDAY, eightPm, halfHour, london),
                new ChatSchedule("primedchat", "primedchat", DayOfWeek.WEDNESDAY, eightPm, halfHour, london),
                new ChatSchedule("ukedchat", "ukedchat", DayOfWeek.THURSDAY, eightPm, halfHour, london)));
    }

    /**
     * Reads a calendar file (format: {@link ChatCalendarFile}).
     *
     * @throws IllegalArgumentException naming the file, the chat and the field, if it cannot be read
     *     or is not a valid calendar
     */
    public static ChatCalendar read(Path file) {
        return ChatCalendarFile.read(file);
    }

    /** As {@link #read}, for JSON already in memory; {@code sourceName} starts every error message. */
    public static ChatCalendar parse(String json, String sourceName) {
        return ChatCalendarFile.parse(json, sourceName);
    }

    /** The chat with this id, or null. */
    public ChatSchedule byId(String chatId) {
        return chats.stream().filter(c -> c.chatId().equals(chatId)).findFirst().orElse(null);
    }

    /** The chats of one hashtag, in calendar order; several chats may share a hashtag at different times. */
    public List<ChatSchedule> forHashtag(String normalisedHashtag) {
        return chats.stream().filter(c -> c.hashtag().equals(normalisedHashtag)).toList();
    }
}
