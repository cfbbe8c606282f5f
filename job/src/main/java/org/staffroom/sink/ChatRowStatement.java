package org.staffroom.sink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.staffroom.model.ScopeKind;
import org.staffroom.model.WindowMetrics;

/** Upserts a row of a per-chat table: chat_session_metrics, or chat_week_metrics. */
final class ChatRowStatement extends UpsertStatement<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    /** chat id → its hashtag, from the calendar in force. */
    private final Map<String, String> hashtags;
    private final boolean withRetained;

    /** @param kind names the table's window columns by its window label: session_start, week_end … */
    private ChatRowStatement(String table, ScopeKind kind, boolean withRetained, Map<String, String> hashtags) {
        super(table, List.of("chat_id", kind.windowLabel() + "_start"), values(kind.windowLabel(), withRetained),
                OnConflict.KEEP_FINAL, true);
        this.hashtags = Map.copyOf(hashtags);
        this.withRetained = withRetained;
    }

    private static List<String> values(String window, boolean withRetained) {
        List<String> values = new ArrayList<>(List.of("hashtag", window + "_end"));
        values.addAll(EngagementColumns.NAMES);
        if (withRetained) {
            values.add("retained_from_previous");
        }
        return values;
    }

    static ChatRowStatement sessions(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_session_metrics", ScopeKind.CHAT, true, hashtags);
    }

    static ChatRowStatement weeks(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_week_metrics", ScopeKind.CHAT_WEEK, false, hashtags);
    }

    @Override
    void keys(Params p, WindowMetrics m) throws SQLException {
        p.text(m.scope).instant(m.windowStart);
    }

    @Override
    void values(Params p, WindowMetrics m) throws SQLException {
        p.text(hashtags.get(m.scope)).instant(m.windowEnd);
        EngagementColumns.bind(p, m.counts);
        if (withRetained) {
            p.number(m.retainedFromPrevious);
        }
    }

    @Override
    boolean isFinal(WindowMetrics m) {
        return m.isFinal;
    }
}
