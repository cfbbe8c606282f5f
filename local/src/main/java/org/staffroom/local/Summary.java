package org.staffroom.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.embedded.Database;

/** What the job found, read back from the tables as a person would ask for it. */
final class Summary {
    private static final String SESSIONS = "SELECT s.chat_id AS chat, "
            + "to_char(s.session_start AT TIME ZONE c.time_zone, 'Dy DD Mon YYYY HH24:MI') AS \"local start\", "
            + "s.posts, s.participants, s.new_participants AS new, s.retained_from_previous AS retained, "
            + "round(s.reply_ratio, 2) AS replies, round(s.link_ratio, 2) AS links, "
            + "round(s.brokering_ratio, 2) AS brokering "
            + "FROM chat_session_metrics s JOIN chats c USING (chat_id) WHERE s.is_final "
            + "ORDER BY s.chat_id, s.session_start";
    /** New and retained are per platform there: new on it, back on it. */
    private static final String SESSIONS_BY_PLATFORM = "SELECT chat_id AS chat, platform, count(*) AS sessions, "
            + "sum(posts) AS posts, round(avg(participants), 1) AS \"participants a session\", "
            + "sum(new_participants) AS new, sum(retained_from_previous) AS retained, "
            + "round(sum(brokering)::numeric / NULLIF(sum(posts), 0), 2) AS brokering "
            + "FROM chat_session_platform_metrics WHERE is_final GROUP BY chat_id, platform "
            + "ORDER BY chat_id, sum(posts) DESC, platform";
    private static final String TOP_HASHTAGS = "SELECT hashtag, sum(posts) AS posts, count(*) AS days, "
            + "max(participants) AS \"busiest day's participants\", "
            + "round(sum(brokering)::numeric / NULLIF(sum(posts), 0), 2) AS brokering, "
            + "round(sum(with_link)::numeric / NULLIF(sum(posts), 0), 2) AS links "
            + "FROM hashtag_window_metrics WHERE window_size = '1d' GROUP BY hashtag "
            + "ORDER BY sum(posts) DESC, hashtag LIMIT 10";
    private static final String COMPARISON = "SELECT chat_id AS chat, to_char(week_start, 'YYYY-MM-DD') AS week, "
            + "session_posts, round(session_reply_ratio, 2) AS \"session replies\", "
            + "rest_posts, round(rest_reply_ratio, 2) AS \"rest replies\", "
            + "round(session_link_ratio, 2) AS \"session links\", round(rest_link_ratio, 2) AS \"rest links\" "
            + "FROM chat_sessions_vs_rest_of_week ORDER BY chat_id, week_start";

    private final Database database;

    Summary(Database database) {
        this.database = database;
    }

    void print(Console console, long recordsWritten) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            long rejected = count(s, "SELECT count(*) FROM rejected_posts");
            long late = count(s, "SELECT count(DISTINCT (platform, id)) FROM late_posts");
            console.raw("");
            console.raw("== Staffroom summary ==");
            console.raw(String.format("%,d records read from Kafka; %,d rejected (see rejected_posts); "
                    + "%,d posts arrived too late for a window (see late_posts)", recordsWritten, rejected, late));
            console.raw("");
            console.raw("Chat sessions (participants, newcomers, retained from the week before, ratios):");
            console.raw(table(s, SESSIONS));
            if (count(s, "SELECT count(DISTINCT platform) FROM chat_session_platform_metrics") > 1) {
                console.raw("Chat sessions by platform (new on the platform, retained on it):");
                console.raw(table(s, SESSIONS_BY_PLATFORM));
            }
            console.raw("Each chat's sessions against the rest of its hashtag's week:");
            console.raw(table(s, COMPARISON));
            console.raw("Top hashtags (daily windows):");
            console.raw(table(s, TOP_HASHTAGS));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The query's rows as an aligned text table. */
    static String table(Statement s, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] header = new String[n];
            for (int i = 0; i < n; i++) {
                header[i] = md.getColumnLabel(i + 1);
            }
            rows.add(header);
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    String v = rs.getString(i + 1);
                    row[i] = v == null ? "-" : v;
                }
                rows.add(row);
            }
        }
        if (rows.size() == 1) {
            return "  (none)\n";
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(' ');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
