package org.staffroom.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.staffroom.model.ScopeKind;
import org.staffroom.model.WindowMetrics;

/**
 * Upserts a row of a per-chat table: chat_session_metrics, chat_session_platform_metrics (per
 * platform), or chat_week_metrics.
 */
final class ChatRowStatement extends UpsertStatement<WindowMetrics> {
    private static final long serialVersionUID = 1L;

    /**
     * @param kind names the table's window columns by its window label: session_start, week_end …
     * @param hashtags chat id → its hashtag, from the calendar in force
     */
    private ChatRowStatement(String table, ScopeKind kind, boolean perPlatform, boolean withRetained,
            Map<String, String> hashtags) {
        super(table, keys(kind, perPlatform), values(kind, withRetained, Map.copyOf(hashtags)), OnConflict.KEEP_FINAL,
                true);
    }

    private static List<Column<WindowMetrics>> keys(ScopeKind kind, boolean perPlatform) {
        List<Column<WindowMetrics>> keys = new ArrayList<>();
        keys.add(Column.of("chat_id", (p, m) -> p.text(m.scope)));
        if (perPlatform) {
            keys.add(WindowColumns.PLATFORM);
        }
        keys.add(Column.of(kind.windowLabel() + "_start", (p, m) -> p.instant(m.windowStart)));
        return keys;
    }

    private static List<Column<WindowMetrics>> values(ScopeKind kind, boolean withRetained,
            Map<String, String> hashtags) {
        List<Column<WindowMetrics>> values = new ArrayList<>();
        values.add(Column.of("hashtag", (p, m) -> p.text(hashtags.get(m.scope))));
        values.add(Column.of(kind.windowLabel() + "_end", (p, m) -> p.instant(m.windowEnd)));
        values.addAll(WindowColumns.COUNTS);
        if (withRetained) {
            values.add(Column.of("retained_from_previous", (p, m) -> p.number(m.retainedFromPrevious)));
        }
        values.add(WindowColumns.IS_FINAL);
        return values;
    }

    static ChatRowStatement sessions(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_session_metrics", ScopeKind.CHAT, false, true, hashtags);
    }

    static ChatRowStatement platformSessions(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_session_platform_metrics", ScopeKind.CHAT, true, true, hashtags);
    }

    static ChatRowStatement weeks(Map<String, String> hashtags) {
        return new ChatRowStatement("chat_week_metrics", ScopeKind.CHAT_WEEK, false, false, hashtags);
    }
}
