package org.staffroom.windows;

import java.io.Serializable;
import java.time.Duration;

/** How event time is cut into windows of one kind: [start, end) in epoch milliseconds. */
public interface WindowScheme extends Serializable {
    /** No such window. */
    long NONE = Long.MIN_VALUE;

    /** The window_size column, e.g. {@code 30m}, {@code 1d}, or {@code session} for chats. */
    String label();

    long startOf(long timestamp);

    long endOf(long windowStart);

    /** The longest a window of this scheme can last: how long a post in it may still change its row, but for lateness. */
    Duration longest();

    /** The start of the previous scheduled occurrence, for retention; {@link #NONE} where that means nothing. */
    default long previousStart(long windowStart) {
        return NONE;
    }

    /** Whether a window of this scheme starts at {@code timestamp}. */
    default boolean isStart(long timestamp) {
        return startOf(timestamp) == timestamp;
    }
}
