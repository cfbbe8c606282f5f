package org.staffroom.collect.bluesky;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.staffroom.platforms.publish.Progress;

/**
 * What a Bluesky collector has done: events seen (every Jetstream message), converted (posts and
 * reposts of anyone), kept (those written: wanted hashtags, reposts of kept posts), rejected (not
 * mappable, naming a wanted hashtag), acknowledged by Kafka, and the cursor saved. Written by the
 * collector's thread, read by the progress line's.
 */
final class Counts implements Progress.Position {
    private final LongSupplier acknowledged;
    private volatile long seen;
    private volatile long converted;
    private volatile long kept;
    private volatile long rejected;
    private volatile long savedTimeUs = -1;

    Counts(LongSupplier acknowledged) {
        this.acknowledged = acknowledged;
    }

    void seen() {
        seen++;
    }

    void converted() {
        converted++;
    }

    void kept() {
        kept++;
    }

    void rejected() {
        rejected++;
    }

    void saved(long timeUs) {
        savedTimeUs = timeUs;
    }

    long seenSoFar() {
        return seen;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d converted, %,d kept, %,d rejected, %,d acknowledged, cursor %s",
                converted, kept, rejected, acknowledged.getAsLong(), cursor());
    }

    @Override
    public double fractionDone() {
        return 0;
    }

    /** The closing line's numbers. */
    String summary() {
        return String.format(Locale.ROOT, "%,d events seen, %s", seen, describe());
    }

    private String cursor() {
        long t = savedTimeUs;
        return t < 0 ? "none yet" : t + " (" + Instant.EPOCH.plus(t, ChronoUnit.MICROS) + ")";
    }
}
