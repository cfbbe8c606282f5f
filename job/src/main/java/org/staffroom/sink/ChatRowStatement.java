package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of a per-chat table: chat_session_metrics, or chat_week_metrics. */
final class ChatRowStatement implements JdbcStatementBuilder<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    final String sql;
    /** chat id → its hashtag, from the calendar in force. */
    private final Map<String, String> hashtags;
    private final boolean withRetained;

    private ChatRowStatement(String table, String window, boolean withRetained, Map<String, String> hashtags) {
        List<String> values = new ArrayList<>(List.of("hashtag", window + "_end"));
        values.addAll(EngagementColumns.NAMES);
        if (withRetained) {
            values.add("retained_from_previous");
        }
        this.sql = Upsert.finalAware(table, List.of("chat_id", window + "_start"), values);
        this.hashtags = Map.copyOf(hashtags);
        this.withRetained = withRetained;
    }

    static ChatRowStatement sessions(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_session_metrics", "session", true, hashtags);
    }

    static ChatRowStatement weeks(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_week_metrics", "week", false, hashtags);
    }

    @Override
    public void accept(PreparedStatement ps, WindowMetrics m) throws SQLException {
        ps.setString(1, m.scope);
        ps.setObject(2, Timestamps.of(m.windowStart));
        ps.setString(3, hashtags.get(m.scope));
        ps.setObject(4, Timestamps.of(m.windowEnd));
        int next = EngagementColumns.bind(ps, 5, m.counts);
        if (withRetained) {
            ps.setLong(next++, m.retainedFromPrevious);
        }
        ps.setBoolean(next, m.isFinal);
    }
}
