package org.staffroom.collect.mastodon;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the collector has done so far, read by the progress line while the collector counts:
 * records seen (stream events and catch-up statuses), converted to posts, kept (first sighting of
 * their uri, written) or dropped as duplicates, skipped (not posts: deletes, edits) and rejected
 * (unmappable), and the streams connected now.
 */
final class MastodonCounters {
    final LongAdder seen = new LongAdder();
    final LongAdder converted = new LongAdder();
    final LongAdder kept = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder disconnections = new LongAdder();
    final Set<ServerTag> connected = ConcurrentHashMap.newKeySet();
    private final int streams;
    private final LongSupplier acknowledged;

    MastodonCounters(int streams, LongSupplier acknowledged) {
        this.streams = streams;
        this.acknowledged = acknowledged;
    }

    long seen() {
        return seen.sum();
    }

    long kept() {
        return kept.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long skipped() {
        return skipped.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    long disconnections() {
        return disconnections.sum();
    }

    int connectedStreams() {
        return connected.size();
    }

    /** {@code 12 converted (10 kept, 2 duplicates), 1 skipped, 0 rejected, 10 acknowledged, 4/4 streams connected} */
    String describe() {
        return String.format(Locale.ROOT,
                "%,d converted (%,d kept, %,d duplicates), %,d skipped, %,d rejected, %,d acknowledged, "
                        + "%d/%d streams connected",
                converted.sum(), kept.sum(), duplicates.sum(), skipped.sum(), rejected.sum(),
                acknowledged.getAsLong(), connected.size(), streams);
    }
}
