package org.staffroom.sink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Epoch milliseconds as the timestamptz values the PostgreSQL driver binds without a zone guess. */
final class Timestamps {
    private Timestamps() {}

    static OffsetDateTime of(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
