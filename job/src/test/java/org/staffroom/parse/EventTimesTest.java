package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digit-by-digit path must accept and reject exactly what {@code OffsetDateTime.parse} does. */
class EventTimesTest {
    @Test
    void readsPlainUtcInstantsAsJavaTimeDoes() {
        Random random = new Random(3);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            assertThat(EventTimes.toEpochMilli(t.toString())).as(t.toString()).isEqualTo(t.toEpochMilli());
        }
        assertThat(EventTimes.toEpochMilli("2024-02-29T23:59:59Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59Z").toEpochMilli());
    }

    @Test
    void readsPlainUtcInstantsWithFractionsAsJavaTimeDoes() {
        Random random = new Random(5);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            int digits = 1 + random.nextInt(9);
            StringBuilder fraction = new StringBuilder(".");
            for (int d = 0; d < digits; d++) {
                fraction.append((char) ('0' + random.nextInt(10)));
            }
            String text = Instant.ofEpochSecond(second).toString().replace("Z", fraction + "Z");
            assertSameAsJavaTime(text);
        }
        for (String text : new String[] {"2025-03-02T23:59:58.222Z", "1969-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.5Z", "2024-02-29T23:59:59.000Z", "2025-03-02T23:59:58.0220Z"}) {
            assertSameAsJavaTime(text);
        }
    }

    @Test
    void leavesOtherFormsToJavaTime() {
        for (String text : new String[] {"2025-03-30T20:05:00+01:00", "2025-03-30T19:05:00.250Z",
                "2025-03-30T19:05Z", "0000-01-01T00:00:00Z", "+12025-03-30T19:05:00Z", "2025-03-30t19:05:00z",
                "2025-03-30T19:05:00.250+01:00", "2025-03-30T19:05:00.Z", "2025-03-30T19:05:00.1234567890Z",
                "2025-03-30T19:05:00,250Z", "2025-03-30T19:05:00.25aZ", "2025-03-30T19:05:00.250", "0000-01-01T00:00:00.5Z"}) {
            assertSameAsJavaTime(text);
        }
    }

    @Test
    void rejectsImpossiblePlainInstantsAsJavaTimeDoes() {
        for (String text : new String[] {"2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z", "2025-02-29T00:00:00Z",
                "2025-04-31T00:00:00Z", "2025-01-00T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z",
                "2025-01-01T23:59:60Z", "2025-01-01 00:00:00Z", "2025-01-01T00:00:0aZ", "２０２５-01-01T00:00:00Z",
                "2025-02-29T00:00:00.5Z", "2025-01-01T24:00:00.000Z", "2025-01-01T23:59:60.123Z", "2025-01-01T00:00:00.１Z"}) {
            assertSameAsJavaTime(text);
        }
    }

    private static void assertSameAsJavaTime(String text) {
        Long expected;
        try {
            expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> EventTimes.toEpochMilli(text)).as(text).isInstanceOf(DateTimeParseException.class);
        } else {
            assertThat(EventTimes.toEpochMilli(text)).as(text).isEqualTo(expected);
        }
    }
}
