package org.staffroom.model;

import java.time.Instant;
import java.util.Objects;
import org.staffroom.metrics.EngagementCounts;

/** One row of hashtag_window_metrics (contract §4). */
public class HashtagWindowMetrics {
    public String hashtag;
    public String windowSize;
    public long windowStart;
    public long windowEnd;
    public EngagementCounts counts;
    public boolean isFinal;

    public HashtagWindowMetrics() {}

    public HashtagWindowMetrics(String hashtag, String windowSize, long windowStart, long windowEnd,
            EngagementCounts counts, boolean isFinal) {
        this.hashtag = hashtag;
        this.windowSize = windowSize;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.counts = counts;
        this.isFinal = isFinal;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HashtagWindowMetrics)) {
            return false;
        }
        HashtagWindowMetrics m = (HashtagWindowMetrics) o;
        return windowStart == m.windowStart && windowEnd == m.windowEnd && isFinal == m.isFinal
                && hashtag.equals(m.hashtag) && windowSize.equals(m.windowSize) && counts.equals(m.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hashtag, windowSize, windowStart);
    }

    @Override
    public String toString() {
        return hashtag + " " + windowSize + "@" + Instant.ofEpochMilli(windowStart) + (isFinal ? " final " : " open ")
                + counts;
    }
}
