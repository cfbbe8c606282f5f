package org.staffroom.collect;

import java.time.Duration;

/**
 * Waits between reconnections, for every collector: doubling from {@code initial} up to
 * {@code max}, back to {@code initial} once a connection delivered.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the reconnect delay must be positive and at most its maximum, not "
                    + initial.toMillis() + "ms up to " + max.toMillis() + "ms");
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; the one after is twice as long, at most {@code max}. */
    public Duration next() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }

    public void reset() {
        next = initial;
    }
}
