package org.staffroom.parse;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.staffroom.options.Durations;

/** The configurable bounds of contract §1 on event time. */
public final class ParserSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final long maxFutureMillis;
    public final long minEventTimeMillis;

    public ParserSettings(Duration maxFuture, Instant minEventTime) {
        this.maxFutureMillis = maxFuture.toMillis();
        this.minEventTimeMillis = minEventTime.toEpochMilli();
    }

    public static ParserSettings defaults() {
        return new ParserSettings(Duration.ofHours(24), Instant.parse("2000-01-01T00:00:00Z"));
    }

    String maxFutureText() {
        return Durations.format(Duration.ofMillis(maxFutureMillis));
    }
}
