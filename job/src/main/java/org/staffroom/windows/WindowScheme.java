package org.staffroom.windows;

import java.io.Serializable;

/** How event time is cut into tumbling windows of one size: [start, end) in epoch milliseconds. */
public interface WindowScheme extends Serializable {
    /** The window_size column, e.g. {@code 30m} or {@code 1d}. */
    String label();

    long startOf(long timestamp);

    long endOf(long windowStart);
}
