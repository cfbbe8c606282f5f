package org.staffroom.collect.output;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.staffroom.platforms.publish.Progress;

/**
 * What a collector has done, the same for every platform: records seen, converted to posts, kept
 * (written), deletions of kept posts written, rejected (written as rejections), acknowledged by
 * Kafka, and where the collector stands (its platform's own words: a cursor, streams connected).
 * Counted by the collector's thread, read by the progress line's.
 */
public final class CollectorCounts implements Progress.Position {
    private final LongAdder seen = new LongAdder();
    private final LongAdder converted = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongSupplier acknowledged;
    private final Supplier<String> where;
    private final Progress progress;

    /** {@code name}: the progress line's prefix, e.g. {@code collect bluesky}. */
    public CollectorCounts(String name, LongSupplier acknowledged, Supplier<String> where) {
        this.acknowledged = acknowledged;
        this.where = where;
        this.progress = new Progress(name, "seen", "records", this, System::nanoTime);
    }

    /** The progress line over these counts; the caller starts its printing and closes it. */
    public Progress progress() {
        return progress;
    }

    void seen() {
        seen.increment();
        progress.update(seen.sum());
    }

    void converted() {
        converted.increment();
    }

    void kept() {
        kept.increment();
    }

    void deleted() {
        deleted.increment();
    }

    void rejected() {
        rejected.increment();
    }

    public long seenSoFar() {
        return seen.sum();
    }

    public long convertedSoFar() {
        return converted.sum();
    }

    public long keptSoFar() {
        return kept.sum();
    }

    public long deletedSoFar() {
        return deleted.sum();
    }

    public long rejectedSoFar() {
        return rejected.sum();
    }

    /** {@code 12 converted, 10 kept, 1 deleted, 0 rejected, 11 acknowledged, <where>} */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d converted, %,d kept, %,d deleted, %,d rejected, %,d acknowledged, %s",
                converted.sum(), kept.sum(), deleted.sum(), rejected.sum(), acknowledged.getAsLong(), where.get());
    }

    @Override
    public double fractionDone() {
        return 0; // a live stream has no end
    }

    /** The closing line's numbers: {@code 29 seen, } and {@link #describe()}. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d seen, %s", seen.sum(), describe());
    }
}
