package org.staffroom.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCalendarTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A valid chat entry with one field set to a JSON value, or removed for {@code null}. */
    private static String chatWith(String field, String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "\"primedchat\"");
        fields.put("hashtag", "\"#PrimEdChat\"");
        fields.put("day", "\"wednesday\"");
        fields.put("start", "\"20:00\"");
        fields.put("zone", "\"Europe/London\"");
        if (json == null) {
            fields.remove(field);
        } else {
            fields.put(field, json);
        }
        return fields.entrySet().stream().map(f -> "\"" + f.getKey() + "\": " + f.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The message for a calendar whose second chat is {@code second}. */
    private static String errorFor(String second) {
        String json = "{\"chats\": [{\"id\": \"sltchat\", \"hashtag\": \"#SLTchat\", \"day\": \"sunday\", "
                + "\"start\": \"20:00\", \"zone\": \"Europe/London\"}, " + second + "]}";
        try {
            ChatCalendar.parse(json, "chats.json");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void defaultsAreTheContractTable() {
        Duration halfHour = Duration.ofMinutes(30);
        LocalTime eight = LocalTime.of(20, 0);
        assertThat(ChatCalendar.defaults().chats()).containsExactly(
                new ChatSchedule("sltchat", "sltchat", DayOfWeek.SUNDAY, eight, halfHour, LONDON),
                new ChatSchedule("primedchat", "primedchat", DayOfWeek.WEDNESDAY, eight, halfHour, LONDON),
                new ChatSchedule("ukedchat", "ukedchat", DayOfWeek.THURSDAY, eight, halfHour, LONDON));
    }

    @Test
    void parsesAFullFile() {
        String json = """
                {"chats": [
                  {"id": "sltchat", "hashtag": "#SLTchat", "day": "Sunday", "start": "20:00", "duration": "30m",
                   "zone": "Europe/London"},
                  {"id": "aussie_ed", "hashtag": "＃AussieEd", "day": "SUN", "start": "20:30", "duration": "1h",
                   "zone": "Australia/Sydney"},
                  {"id": "edchat-late", "hashtag": "edchat", "day": "tue", "start": "23:45", "duration": "PT45M",
                   "zone": "America/New_York"},
                  {"id": "edchat", "hashtag": "#EdChat", "day": "tuesday", "start": "19:00", "duration": null,
                   "zone": "America/New_York"}
                ]}
                """;
        ChatCalendar calendar = ChatCalendar.parse(json, "chats.json");
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(calendar.chats()).containsExactly(
                new ChatSchedule("sltchat", "sltchat", DayOfWeek.SUNDAY, LocalTime.of(20, 0), Duration.ofMinutes(30),
                        LONDON),
                new ChatSchedule("aussie_ed", "aussieed", DayOfWeek.SUNDAY, LocalTime.of(20, 30), Duration.ofHours(1),
                        ZoneId.of("Australia/Sydney")),
                new ChatSchedule("edchat-late", "edchat", DayOfWeek.TUESDAY, LocalTime.of(23, 45),
                        Duration.ofMinutes(45), newYork),
                new ChatSchedule("edchat", "edchat", DayOfWeek.TUESDAY, LocalTime.of(19, 0), Duration.ofMinutes(30),
                        newYork));
        assertThat(calendar.byId("aussie_ed").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(calendar.byId("ukedchat")).isNull();
        assertThat(calendar.forHashtag("edchat")).extracting(ChatSchedule::chatId)
                .containsExactly("edchat-late", "edchat");
        assertThat(calendar.forHashtag("ukedchat")).isEmpty();
    }

    @Test
    void anEmptyListMeansNoChats() {
        assertThat(ChatCalendar.parse("{\"chats\": []}", "chats.json").chats()).isEmpty();
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chats.json");
        Files.writeString(file, "{\"chats\": [{\"id\": \"ukedchat\", \"hashtag\": \"#UKEdChat\", \"day\": \"thursday\","
                + " \"start\": \"20:00\", \"zone\": \"Europe/London\"}]}");
        assertThat(ChatCalendar.read(file).chats()).containsExactly(ChatCalendar.defaults().byId("ukedchat"));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> ChatCalendar.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ChatCalendar.defaults());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(ChatCalendar.defaults());
        }
    }

    @Test
    void rejectsWhatIsNotACalendar() {
        assertThatThrownBy(() -> ChatCalendar.parse("{\"chats\": [", "chats.json"))
                .hasMessageStartingWith("chats.json: not JSON: ").hasMessageContaining("(line 1, column");
        assertThatThrownBy(() -> ChatCalendar.parse("", "chats.json"))
                .hasMessage("chats.json: expected a JSON object with a \"chats\" array");
        assertThatThrownBy(() -> ChatCalendar.parse("[]", "chats.json"))
                .hasMessage("chats.json: expected a JSON object with a \"chats\" array");
        assertThatThrownBy(() -> ChatCalendar.parse("{\"chat\": []}", "chats.json"))
                .hasMessage("chats.json: expected a JSON object with a \"chats\" array");
        assertThatThrownBy(() -> ChatCalendar.parse("{\"chats\": {}}", "chats.json"))
                .hasMessage("chats.json: expected a JSON object with a \"chats\" array");
        assertThatThrownBy(() -> ChatCalendar.parse("{\"chats\": [], \"chat\": []}", "chats.json"))
                .hasMessage("chats.json: unknown field 'chat' (known: chats)");
        assertThatThrownBy(() -> ChatCalendar.parse("{\"chats\": []} {}", "chats.json"))
                .hasMessageStartingWith("chats.json: not JSON: ");
        assertThat(errorFor("\"sltchat\"")).isEqualTo("chats.json: chat #2: expected a JSON object, got \"sltchat\"");
    }

    @Test
    void namesTheFileTheChatAndTheField() {
        assertThat(errorFor(chatWith("zone", "\"Europe/Lundon\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): zone 'Europe/Lundon' is not an IANA time zone (e.g. Europe/London)");
        assertThat(errorFor(chatWith("zone", "\"+01:00\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): zone '+01:00' is not an IANA time zone (e.g. Europe/London)");
        assertThat(errorFor(chatWith("start", "\"8pm\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): start '8pm' is not a time of day like 20:00");
        assertThat(errorFor(chatWith("start", "\"24:00\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): start '24:00' is not a time of day like 20:00");
        assertThat(errorFor(chatWith("start", "\"8:00\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): start '8:00' is not a time of day like 20:00");
        assertThat(errorFor(chatWith("day", "\"Funday\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): day 'Funday' is not a day of the week (sunday or sun, …)");
        assertThat(errorFor(chatWith("duration", "\"0m\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): duration '0m' must be positive and at most 1d");
        assertThat(errorFor(chatWith("duration", "\"25h\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): duration '25h' must be positive and at most 1d");
        assertThat(errorFor(chatWith("duration", "\"PT-30M\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): duration 'PT-30M' must be positive and at most 1d");
        assertThat(errorFor(chatWith("duration", "\"half an hour\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): duration 'half an hour' is not a duration like 30m, 1h or PT45M");
        assertThat(errorFor(chatWith("duration", "\"99999999999999999d\""))).isEqualTo("chats.json: chat #2 "
                + "(primedchat): duration '99999999999999999d' is not a duration like 30m, 1h or PT45M");
        assertThat(errorFor(chatWith("hashtag", "\"#\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): hashtag '#' is empty after normalisation");
        assertThat(errorFor(chatWith("hashtag", "\"#PrimEd Chat\""))).isEqualTo(
                "chats.json: chat #2 (primedchat): hashtag '#PrimEd Chat' contains white space");
        assertThat(errorFor(chatWith("id", "\"PrimEdChat\""))).isEqualTo("chats.json: chat #2 (PrimEdChat): "
                + "id 'PrimEdChat' must consist of lower-case letters a-z, digits, '_' and '-'");
        assertThat(errorFor(chatWith("id", "\"primed chat\""))).isEqualTo("chats.json: chat #2 (primed chat): "
                + "id 'primed chat' must consist of lower-case letters a-z, digits, '_' and '-'");
    }

    @Test
    void requiredFieldsMustBePresentStringsAndNoOthers() {
        for (String field : List.of("id", "hashtag", "day", "start", "zone")) {
            String where = field.equals("id") ? "chats.json: chat #2: " : "chats.json: chat #2 (primedchat): ";
            assertThat(errorFor(chatWith(field, null))).isEqualTo(where + field + " is missing");
            assertThat(errorFor(chatWith(field, "null"))).isEqualTo(where + field + " is missing");
        }
        assertThat(errorFor(chatWith("start", "2000"))).isEqualTo(
                "chats.json: chat #2 (primedchat): start must be a string, got 2000");
        assertThat(errorFor(chatWith("duration", "30"))).isEqualTo(
                "chats.json: chat #2 (primedchat): duration must be a string, got 30");
        assertThat(errorFor(chatWith("durtion", "\"45m\""))).isEqualTo("chats.json: chat #2 (primedchat): "
                + "unknown field 'durtion' (known: id, hashtag, day, start, duration, zone)");
        assertThat(errorFor("{\"id\": \"primedchat\", \"id\": \"x\"}"))
                .startsWith("chats.json: not JSON: Duplicate field 'id'");
    }

    @Test
    void idsAreUnique() {
        String chat = "{\"id\": \"sltchat\", \"hashtag\": \"#SLTchat\", \"day\": \"sunday\", \"start\": \"20:00\", "
                + "\"zone\": \"Europe/London\"}";
        assertThat(errorFor(chatWith("id", "\"ukedchat\"") + ", " + chat))
                .isEqualTo("chats.json: duplicate chat id 'sltchat' (chats #1 and #3)");
    }
}
