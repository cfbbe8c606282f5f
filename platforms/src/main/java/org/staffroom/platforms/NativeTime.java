package org.staffroom.platforms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times as the platforms write them: UTC with milliseconds ({@code 2025-01-09T20:01:00.000Z}). */
public final class NativeTime {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private NativeTime() {}

    public static Instant of(PostEvent post) {
        return OffsetDateTime.parse(post.createdAt).toInstant();
    }

    public static String withMillis(PostEvent post) {
        return MILLIS.format(of(post));
    }
}
