package org.staffroom.sink;

import java.util.ArrayList;
import java.util.List;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of hashtag_window_metrics, or per platform, of hashtag_window_platform_metrics. */
final class HashtagMetricsStatement extends UpsertStatement<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    private static final Column<WindowMetrics> HASHTAG = Column.of("hashtag", (p, m) -> p.text(m.scope));

    private HashtagMetricsStatement(String table, List<Column<WindowMetrics>> scope) {
        super(table, keys(scope), values(), OnConflict.KEEP_FINAL, true);
    }

    static HashtagMetricsStatement allPlatforms() {
        return new HashtagMetricsStatement("hashtag_window_metrics", List.of(HASHTAG));
    }

    static HashtagMetricsStatement perPlatform() {
        return new HashtagMetricsStatement("hashtag_window_platform_metrics", List.of(HASHTAG, WindowColumns.PLATFORM));
    }

    private static List<Column<WindowMetrics>> keys(List<Column<WindowMetrics>> scope) {
        List<Column<WindowMetrics>> keys = new ArrayList<>(scope);
        keys.add(Column.of("window_size", (p, m) -> p.text(m.windowSize)));
        keys.add(Column.of("window_start", (p, m) -> p.instant(m.windowStart)));
        return keys;
    }

    private static List<Column<WindowMetrics>> values() {
        List<Column<WindowMetrics>> values = new ArrayList<>();
        values.add(Column.of("window_end", (p, m) -> p.instant(m.windowEnd)));
        values.addAll(WindowColumns.COUNTS);
        values.add(WindowColumns.IS_FINAL);
        return values;
    }
}
