package org.staffroom.collect.mastodon;

import java.time.Duration;

/** Waits between reconnections: doubling from {@code initial} up to {@code max}, back to {@code initial} once a stream delivers. */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the back-off runs from a positive delay up to one at least as long, not "
                    + initial + " to " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; the one after is twice as long, at most {@code max}. */
    Duration next() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }

    void reset() {
        next = initial;
    }
}
