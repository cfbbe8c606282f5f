package org.staffroom.parse;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.staffroom.options.Durations;

/** The configurable bounds of contract §1 on event time, and whether names become pseudonyms. */
public final class ParserSettings implements Serializable {
    private static final long serialVersionUID = 2L;

    public final long maxFutureMillis;
    public final long minEventTimeMillis;
    /** The file of the pseudonyms' key, read where the parser runs; null to keep names as they are. */
    public final String pseudonymKeyFile;

    public ParserSettings(Duration maxFuture, Instant minEventTime) {
        this(maxFuture, minEventTime, null);
    }

    public ParserSettings(Duration maxFuture, Instant minEventTime, String pseudonymKeyFile) {
        this.maxFutureMillis = maxFuture.toMillis();
        this.minEventTimeMillis = minEventTime.toEpochMilli();
        this.pseudonymKeyFile = pseudonymKeyFile;
    }

    public static ParserSettings defaults() {
        return new ParserSettings(Duration.ofHours(24), Instant.parse("2000-01-01T00:00:00Z"));
    }

    String maxFutureText() {
        return Durations.format(Duration.ofMillis(maxFutureMillis));
    }
}
