package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    private static long reference(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return EventTimes.NONE;
        }
    }

    @Test
    void readsTheContractsInstants() {
        assertThat(EventTimes.parse("2025-01-09T20:01:00Z")).isEqualTo(Instant.parse("2025-01-09T20:01:00Z").toEpochMilli());
        assertThat(EventTimes.parse("2025-01-09T20:01:00.5Z")).isEqualTo(Instant.parse("2025-01-09T20:01:00.500Z").toEpochMilli());
        assertThat(EventTimes.parse("2025-01-09T20:01:00.123456789Z")).isEqualTo(Instant.parse("2025-01-09T20:01:00.123Z").toEpochMilli());
        assertThat(EventTimes.parse("2025-03-30T20:01:00+01:00")).isEqualTo(Instant.parse("2025-03-30T19:01:00Z").toEpochMilli());
        assertThat(EventTimes.parse("2025-01-09T20:01Z")).isEqualTo(Instant.parse("2025-01-09T20:01:00Z").toEpochMilli());
        // java.time takes a '.' without digits; so does the job, so the replay agrees
        assertThat(EventTimes.parse("2025-01-09T20:01:00.Z")).isEqualTo(Instant.parse("2025-01-09T20:01:00Z").toEpochMilli());
    }

    @Test
    void rejectsWhatTheJobRejects() {
        for (String bad : new String[] {"2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-01-09T24:00:00Z",
                "2025-01-09T20:01:00", "2025-01-09 20:01:00Z", "yesterday", "", "2025-01-09T20:01:60Z",
                "2025-01-09T20:01:00.1234567890Z", "１２３"}) {
            assertThat(EventTimes.parse(bad)).as(bad).isEqualTo(EventTimes.NONE).isEqualTo(reference(bad));
        }
    }

    @Test
    void theFastPathAgreesWithJavaTime() {
        SplittableRandom random = new SplittableRandom(7);
        String digits = "0123456789";
        for (int i = 0; i < 200_000; i++) {
            // mostly valid shapes with fields out of range now and then, and random edits
            StringBuilder s = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(1990, 2040), random.nextInt(0, 14), random.nextInt(0, 33),
                    random.nextInt(0, 26), random.nextInt(0, 62), random.nextInt(0, 62)));
            int fraction = random.nextInt(11);
            if (fraction > 0) {
                s.append('.');
                for (int f = 1; f < fraction; f++) {
                    s.append(digits.charAt(random.nextInt(10)));
                }
            }
            s.append(random.nextInt(10) == 0 ? "+02:00" : "Z");
            if (random.nextInt(10) == 0) {
                s.setCharAt(random.nextInt(s.length()), "0T:-.Zx".charAt(random.nextInt(7)));
            }
            String text = s.toString();
            assertThat(EventTimes.parse(text)).as(text).isEqualTo(reference(text));
        }
    }
}
