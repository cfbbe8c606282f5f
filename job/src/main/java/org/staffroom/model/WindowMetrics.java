package org.staffroom.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One window's results: a row of hashtag_window_metrics (scope = hashtag) or of
 * chat_session_metrics (scope = chat id, windowSize = "session").
 */
public class WindowMetrics {
    public String scope;
    public String windowSize;
    public long windowStart;
    public long windowEnd;
    public EngagementCounts counts;
    /** Participants of the previous scheduled occurrence who take part again (chat sessions only). */
    public long retainedFromPrevious;
    public boolean isFinal;

    public WindowMetrics() {}

    public WindowMetrics(String scope, String windowSize, long windowStart, long windowEnd, EngagementCounts counts,
            long retainedFromPrevious, boolean isFinal) {
        this.scope = scope;
        this.windowSize = windowSize;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.counts = counts;
        this.retainedFromPrevious = retainedFromPrevious;
        this.isFinal = isFinal;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WindowMetrics)) {
            return false;
        }
        WindowMetrics m = (WindowMetrics) o;
        return windowStart == m.windowStart && windowEnd == m.windowEnd && isFinal == m.isFinal
                && retainedFromPrevious == m.retainedFromPrevious && scope.equals(m.scope)
                && windowSize.equals(m.windowSize) && counts.equals(m.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, windowSize, windowStart);
    }

    @Override
    public String toString() {
        return scope + " " + windowSize + "@" + Instant.ofEpochMilli(windowStart) + (isFinal ? " final " : " open ")
                + counts + " retained=" + retainedFromPrevious;
    }
}
