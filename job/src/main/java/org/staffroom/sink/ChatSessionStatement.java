package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of chat_session_metrics. */
final class ChatSessionStatement implements JdbcStatementBuilder<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    static final String SQL;

    static {
        List<String> values = new ArrayList<>(List.of("hashtag", "session_end"));
        values.addAll(EngagementColumns.NAMES);
        values.add("retained_from_previous");
        SQL = Upsert.finalAware("chat_session_metrics", List.of("chat_id", "session_start"), values);
    }

    /** chat id → its hashtag, from the calendar in force. */
    private final Map<String, String> hashtags;

    ChatSessionStatement(Map<String, String> hashtags) {
        this.hashtags = Map.copyOf(hashtags);
    }

    @Override
    public void accept(PreparedStatement ps, WindowMetrics m) throws SQLException {
        ps.setString(1, m.scope);
        ps.setObject(2, Timestamps.of(m.windowStart));
        ps.setString(3, hashtags.get(m.scope));
        ps.setObject(4, Timestamps.of(m.windowEnd));
        int next = EngagementColumns.bind(ps, 5, m.counts);
        ps.setLong(next, m.retainedFromPrevious);
        ps.setBoolean(next + 1, m.isFinal);
    }
}
