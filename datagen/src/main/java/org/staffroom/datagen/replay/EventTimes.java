package org.staffroom.datagen.replay;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code createdAt} value the way the job does (contract §1: an ISO-8601 instant with
 * {@code Z} or an offset, {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}), in epoch milliseconds.
 *
 * <p>The common shape {@code 2025-01-09T20:01:00Z} (optionally with a fraction of a second) is
 * read straight from the bytes without allocating; anything else goes to
 * {@link OffsetDateTime#parse}, so the two paths accept exactly the same texts.
 */
public final class EventTimes {
    /** No readable event time. */
    public static final long NONE = Long.MIN_VALUE;

    private EventTimes() {}

    /** The epoch milliseconds of {@code text}, or {@link #NONE}. */
    public static long parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /** The epoch milliseconds of the UTF-8 text {@code b[from, to)}, or {@link #NONE}. */
    public static long parse(byte[] b, int from, int to) {
        long fast = fastPath(b, from, to);
        if (fast != NONE) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(new String(b, from, to - from, StandardCharsets.UTF_8),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return NONE;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, else {@link #NONE} (try the slow path). */
    private static long fastPath(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 20 || len > 30 || b[to - 1] != 'Z') {
            return NONE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':'
                || hour > 23 || minute > 59 || second > 59) {
            return NONE;
        }
        int millis = 0;
        int p = from + 19;
        if (p < to - 1) {
            // a fraction: '.', 1 to 9 digits, then the Z
            int n = to - 1 - (p + 1);
            if (b[p] != '.' || n < 1 || n > 9) {
                return NONE;
            }
            for (int i = 0; i < n; i++) {
                int d = b[p + 1 + i] - '0';
                if (d < 0 || d > 9) {
                    return NONE;
                }
                if (i < 3) {
                    millis = millis * 10 + d;
                }
            }
            for (int i = n; i < 3; i++) {
                millis *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NONE;
        }
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[at + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
