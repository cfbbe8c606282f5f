package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of hashtag_window_metrics. */
final class HashtagMetricsStatement implements JdbcStatementBuilder<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    static final String SQL;

    static {
        List<String> values = new ArrayList<>(List.of("window_end"));
        values.addAll(EngagementColumns.NAMES);
        SQL = Upsert.finalAware("hashtag_window_metrics", List.of("hashtag", "window_size", "window_start"), values);
    }

    @Override
    public void accept(PreparedStatement ps, WindowMetrics m) throws SQLException {
        ps.setString(1, m.scope);
        ps.setString(2, m.windowSize);
        ps.setObject(3, Timestamps.of(m.windowStart));
        ps.setObject(4, Timestamps.of(m.windowEnd));
        int next = EngagementColumns.bind(ps, 5, m.counts);
        ps.setBoolean(next, m.isFinal);
    }
}
