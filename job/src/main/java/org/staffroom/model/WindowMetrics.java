package org.staffroom.model;

import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One window's results: a row of hashtag_window_metrics (scope = hashtag) or of
 * chat_session_metrics (scope = chat id, windowSize = "session"), or with a platform, of
 * hashtag_window_platform_metrics or chat_session_platform_metrics.
 */
@TypeInfo(WindowMetricsSerializer.TypeFactory.class)
public class WindowMetrics {
    public String scope;
    /** The platform whose posts the row counts; null for all platforms. */
    public String platform;
    public String windowSize;
    public long windowStart;
    public long windowEnd;
    public EngagementCounts counts;
    /** Participants of the previous scheduled occurrence who take part again (chat sessions only). */
    public long retainedFromPrevious;
    public boolean isFinal;

    public WindowMetrics() {}

    /** A row over all platforms. */
    public WindowMetrics(String scope, String windowSize, long windowStart, long windowEnd, EngagementCounts counts,
            long retainedFromPrevious, boolean isFinal) {
        this(scope, null, windowSize, windowStart, windowEnd, counts, retainedFromPrevious, isFinal);
    }

    /** @param platform null for all platforms */
    public WindowMetrics(String scope, String platform, String windowSize, long windowStart, long windowEnd,
            EngagementCounts counts, long retainedFromPrevious, boolean isFinal) {
        this.scope = scope;
        this.platform = platform;
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
                && Objects.equals(platform, m.platform)
                && windowSize.equals(m.windowSize) && counts.equals(m.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, platform, windowSize, windowStart);
    }

    @Override
    public String toString() {
        return scope + (platform == null ? "" : " on " + platform) + " " + windowSize + "@"
                + Instant.ofEpochMilli(windowStart) + (isFinal ? " final " : " open ")
                + counts + " retained=" + retainedFromPrevious;
    }
}
