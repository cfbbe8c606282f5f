package org.staffroom.windows;

import java.time.Duration;

/** Sub-day tumbling windows aligned to the UTC epoch (contract §3). */
public final class FixedWindows implements WindowScheme {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final long sizeMillis;

    public FixedWindows(String label, long sizeMillis) {
        this.label = label;
        this.sizeMillis = sizeMillis;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long startOf(long timestamp) {
        return Math.floorDiv(timestamp, sizeMillis) * sizeMillis;
    }

    @Override
    public long endOf(long windowStart) {
        return windowStart + sizeMillis;
    }

    @Override
    public Duration longest() {
        return Duration.ofMillis(sizeMillis);
    }
}
