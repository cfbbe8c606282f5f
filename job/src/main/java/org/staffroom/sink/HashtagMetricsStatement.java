package org.staffroom.sink;

import java.util.ArrayList;
import java.util.List;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of hashtag_window_metrics. */
final class HashtagMetricsStatement extends UpsertStatement<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    HashtagMetricsStatement() {
        super("hashtag_window_metrics", List.of(
                        Column.of("hashtag", (p, m) -> p.text(m.scope)),
                        Column.of("window_size", (p, m) -> p.text(m.windowSize)),
                        Column.of("window_start", (p, m) -> p.instant(m.windowStart))),
                values(), OnConflict.KEEP_FINAL, true);
    }

    private static List<Column<WindowMetrics>> values() {
        List<Column<WindowMetrics>> values = new ArrayList<>();
        values.add(Column.of("window_end", (p, m) -> p.instant(m.windowEnd)));
        values.addAll(WindowColumns.COUNTS);
        values.add(WindowColumns.IS_FINAL);
        return values;
    }
}
