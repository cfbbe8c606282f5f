package org.staffroom.datagen.generator;

import java.time.LocalDate;

/**
 * Writes {@code createdAt} as {@code 2025-01-09T20:01:00Z}: ISO-8601 in UTC, whole seconds, always
 * the same width. The date part is cached per day, since a formatter per post would cost more than
 * the rest of the post.
 */
final class Timestamps {
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] datePart = new byte[11]; // yyyy-MM-ddT

    /** Appends the timestamp of {@code epochMillis} (truncated to the second). */
    void append(long epochMillis, ByteText out) {
        long second = Math.floorDiv(epochMillis, 1000);
        long day = Math.floorDiv(second, 86_400);
        if (day != cachedDay) {
            String d = LocalDate.ofEpochDay(day).toString(); // yyyy-MM-dd for years 0000–9999
            for (int i = 0; i < 10; i++) {
                datePart[i] = (byte) d.charAt(i);
            }
            datePart[10] = 'T';
            cachedDay = day;
        }
        int s = (int) (second - day * 86_400);
        out.ensure(20);
        byte[] b = out.bytes;
        int p = out.length;
        System.arraycopy(datePart, 0, b, p, 11);
        p += 11;
        p = two(b, p, s / 3600);
        b[p++] = ':';
        p = two(b, p, (s / 60) % 60);
        b[p++] = ':';
        p = two(b, p, s % 60);
        b[p++] = 'Z';
        out.length = p;
    }

    private static int two(byte[] b, int p, int v) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    static String format(long epochMillis) {
        ByteText t = new ByteText(20);
        new Timestamps().append(epochMillis, t);
        return t.toString();
    }
}
