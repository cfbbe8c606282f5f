package org.staffroom.windows;

import java.io.Serializable;

/** How event time is cut into windows of one kind: [start, end) in epoch milliseconds. */
public interface WindowScheme extends Serializable {
    /** No such window. */
    long NONE = Long.MIN_VALUE;

    /** The window_size column, e.g. {@code 30m}, {@code 1d}, or {@code session} for chats. */
    String label();

    long startOf(long timestamp);

    long endOf(long windowStart);

    /** The start of the previous scheduled occurrence, for retention; {@link #NONE} where that means nothing. */
    default long previousStart(long windowStart) {
        return NONE;
    }

    /** Whether final windows of this scheme get top_accounts rows (contract §4: 1d windows and sessions). */
    default boolean ranksAccounts() {
        return false;
    }
}
