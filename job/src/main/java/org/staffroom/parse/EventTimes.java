package org.staffroom.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads {@code createdAt} (contract §1: ISO-8601 with Z or an offset) as epoch milliseconds.
 * Producers nearly always write the plain UTC form {@code 2025-01-12T19:58:05Z}, or with a fraction
 * of a second ({@code 2025-03-02T23:59:58.222Z}, as X and Bluesky do), which is read here digit by
 * digit: {@code OffsetDateTime.parse} cost 8–9% of the job's CPU. Any other form, and any plain one
 * with an impossible field, goes to {@code OffsetDateTime.parse}, so what is accepted and what is
 * rejected does not change.
 */
final class EventTimes {
    /** {@code dddd-dd-ddTdd:dd:dd}, before the fraction or the Z. */
    private static final int SECONDS_LENGTH = "2025-01-12T19:58:05".length();
    /** At most nanoseconds, as {@link DateTimeFormatter#ISO_LOCAL_TIME} reads. */
    private static final int MAX_FRACTION_DIGITS = 9;

    private EventTimes() {}

    /** @throws java.time.format.DateTimeParseException when the text is not such an instant */
    static long toEpochMilli(String text) {
        int fractionDigits = plainUtcFractionDigits(text);
        if (fractionDigits >= 0) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L
                            + millisOf(text, fractionDigits);
                } catch (DateTimeException e) {
                    // a day the month does not have: rejected below with the usual message
                }
            }
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    }

    /**
     * The digits of the fraction of {@code dddd-dd-ddTdd:dd:dd[.d{1,9}]Z} (0 without one), or -1 for
     * any other form.
     */
    private static int plainUtcFractionDigits(String s) {
        int length = s.length();
        if (length < SECONDS_LENGTH + 1 || length > SECONDS_LENGTH + 2 + MAX_FRACTION_DIGITS
                || s.charAt(length - 1) != 'Z' || length == SECONDS_LENGTH + 2) {
            return -1;
        }
        for (int i = 0; i < SECONDS_LENGTH; i++) {
            char c = s.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> isDigit(c);
            };
            if (!ok) {
                return -1;
            }
        }
        if (length == SECONDS_LENGTH + 1) {
            return 0;
        }
        if (s.charAt(SECONDS_LENGTH) != '.') {
            return -1;
        }
        for (int i = SECONDS_LENGTH + 1; i < length - 1; i++) {
            if (!isDigit(s.charAt(i))) {
                return -1;
            }
        }
        return length - SECONDS_LENGTH - 2;
    }

    /** The fraction's whole milliseconds: its first three digits, padded; the rest is cut off, as {@code toEpochMilli} does. */
    private static int millisOf(String s, int fractionDigits) {
        int millis = 0;
        for (int i = 0; i < 3; i++) {
            millis = millis * 10 + (i < fractionDigits ? s.charAt(SECONDS_LENGTH + 1 + i) - '0' : 0);
        }
        return millis;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
