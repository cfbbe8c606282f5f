package org.staffroom.chats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.staffroom.options.Durations;
import org.staffroom.parse.Normalization;

/**
 * The calendar file, UTF-8 JSON:
 *
 * <pre>{@code
 * {"chats": [
 *   {"id": "sltchat", "hashtag": "#SLTchat", "day": "sunday", "start": "20:00", "duration": "30m",
 *    "zone": "Europe/London"}
 * ]}
 * }</pre>
 *
 * {@code duration} is optional (30m when absent or null); every other field is required. Unknown
 * and repeated fields are errors, so that a misspelt optional field is not silently ignored. An
 * empty {@code chats} array is a valid calendar without chats.
 */
final class ChatCalendarFile {
    private static final List<String> FIELDS = List.of("id", "hashtag", "day", "start", "duration", "zone");
    private static final Duration DEFAULT_DURATION = Duration.ofMinutes(30);
    private static final DateTimeFormatter START =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ChatCalendarFile() {}

    static ChatCalendar read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read as UTF-8 text (" + e + ")", e);
        }
        return parse(json, file.toString());
    }

    static ChatCalendar parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (!root.isObject() || !root.path("chats").isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON object with a \"chats\" array");
        }
        rejectUnknownFields(root, List.of("chats"), source + ": ");
        List<ChatSchedule> chats = new ArrayList<>();
        for (JsonNode chat : root.get("chats")) {
            chats.add(chat(chat, chats.size() + 1, source));
        }
        try {
            return new ChatCalendar(chats);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ChatSchedule chat(JsonNode chat, int number, String source) {
        String where = source + ": chat #" + number;
        if (!chat.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object, got " + chat);
        }
        if (chat.path("id").isTextual()) {
            where += " (" + chat.get("id").textValue() + ")";
        }
        where += ": ";
        rejectUnknownFields(chat, FIELDS, where);
        try {
            String id = text(chat, "id");
            String hashtag = hashtag(text(chat, "hashtag"));
            DayOfWeek day = day(text(chat, "day"));
            LocalTime start = start(text(chat, "start"));
            Duration duration = chat.hasNonNull("duration") ? duration(text(chat, "duration")) : DEFAULT_DURATION;
            ZoneId zone = zone(text(chat, "zone"));
            return new ChatSchedule(id, hashtag, day, start, duration, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static void rejectUnknownFields(JsonNode object, List<String> known, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + "unknown field '" + name + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private static String text(JsonNode chat, String field) {
        JsonNode value = chat.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, got " + value);
        }
        return value.textValue();
    }

    private static String hashtag(String raw) {
        String hashtag = Normalization.hashtag(raw);
        if (hashtag.isEmpty()) {
            throw new IllegalArgumentException("hashtag '" + raw + "' is empty after normalisation");
        }
        // no post's hashtag holds white space, so such a chat would never see a post
        if (hashtag.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("hashtag '" + raw + "' contains white space");
        }
        return hashtag;
    }

    private static DayOfWeek day(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (lower.equals(name) || lower.equals(name.substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException("day '" + text + "' is not a day of the week (sunday or sun, …)");
    }

    private static LocalTime start(String text) {
        try {
            return LocalTime.parse(text, START);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start '" + text + "' is not a time of day like 20:00");
        }
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (RuntimeException e) {
            // Durations reports picocli's conversion error, and overflow as ArithmeticException
            throw new IllegalArgumentException("duration '" + text + "' is not a duration like 30m, 1h or PT45M");
        }
        if (!ChatSchedule.isValidDuration(duration)) {
            throw new IllegalArgumentException("duration '" + text + "' must be positive and at most 1d");
        }
        return duration;
    }

    private static ZoneId zone(String text) {
        // region ids only: a fixed offset such as +01:00 would silently ignore summer time
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw new IllegalArgumentException("zone '" + text + "' is not an IANA time zone (e.g. Europe/London)");
        }
        return ZoneId.of(text);
    }
}
