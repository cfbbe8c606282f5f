package org.staffroom.collect.bluesky;

import java.time.Duration;

/**
 * Waits between reconnections: doubling from {@code initial} up to {@code max}, back to
 * {@code initial} once a connection delivered.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the reconnect delay must be positive and at most its maximum, not "
                    + initial + " up to " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return now;
    }

    void reset() {
        next = initial;
    }
}
