package org.staffroom.sink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of hashtag_window_metrics. */
final class HashtagMetricsStatement extends UpsertStatement<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    HashtagMetricsStatement() {
        super("hashtag_window_metrics", List.of("hashtag", "window_size", "window_start"), values(),
                OnConflict.KEEP_FINAL, true);
    }

    private static List<String> values() {
        List<String> values = new ArrayList<>(List.of("window_end"));
        values.addAll(EngagementColumns.NAMES);
        return values;
    }

    @Override
    void keys(Params p, WindowMetrics m) throws SQLException {
        p.text(m.scope).text(m.windowSize).instant(m.windowStart);
    }

    @Override
    void values(Params p, WindowMetrics m) throws SQLException {
        p.instant(m.windowEnd);
        EngagementColumns.bind(p, m.counts);
    }

    @Override
    boolean isFinal(WindowMetrics m) {
        return m.isFinal;
    }
}
