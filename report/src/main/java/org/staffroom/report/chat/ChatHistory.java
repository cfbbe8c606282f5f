package org.staffroom.report.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the report shows of one chat, read from the contract's tables: its latest sessions (oldest
 * first), each session's week against the rest of it, and for the latest session its top accounts
 * and its platforms.
 */
public record ChatHistory(Row chat, ZoneId zone, List<Row> sessions, List<Row> weeks,
                          List<Row> topMentioned, List<Row> topContributors, List<Row> platforms) {

    /** The columns of a session shown week by week, in the order of the report's table. */
    static final List<String> SESSION_COLUMNS = List.of("session_start", "posts", "originals", "retweets", "replies",
            "quotes", "participants", "new_participants", "returning_participants", "retained_from_previous",
            "contributors", "brokering_ratio", "link_ratio", "mention_ratio", "reply_ratio", "retweet_ratio",
            "reach", "is_final");

    static final List<String> WEEK_COLUMNS = List.of("week_start", "session_posts", "rest_posts",
            "session_participants", "rest_participants", "session_link_ratio", "rest_link_ratio",
            "session_mention_ratio", "rest_mention_ratio", "session_reply_ratio", "rest_reply_ratio", "is_final");

    public Optional<Row> latest() {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
    }

    /** The chat's latest {@code limit} sessions with posts; empty sessions have no row (contract §4). */
    public static Optional<ChatHistory> load(Connection c, String chatId, int limit) throws SQLException {
        List<Row> chats = Row.query(c, "SELECT chat_id, hashtag, day_of_week, local_start, duration, time_zone, active "
                + "FROM chats WHERE chat_id = ?", chatId);
        if (chats.isEmpty()) {
            return Optional.empty();
        }
        Row chat = chats.get(0);
        List<Row> sessions = new ArrayList<>(Row.query(c, "SELECT " + String.join(", ", SESSION_COLUMNS)
                + " FROM chat_session_metrics WHERE chat_id = ? ORDER BY session_start DESC LIMIT ?", chatId, limit));
        Collections.reverse(sessions);
        List<Row> weeks = List.of();
        List<Row> mentioned = List.of();
        List<Row> contributors = List.of();
        List<Row> platforms = List.of();
        if (!sessions.isEmpty()) {
            Timestamp first = Timestamp.from(sessions.get(0).instant("session_start"));
            Timestamp latest = Timestamp.from(sessions.get(sessions.size() - 1).instant("session_start"));
            // the week of the first session starts before it
            weeks = Row.query(c, "SELECT " + String.join(", ", WEEK_COLUMNS) + " FROM chat_sessions_vs_rest_of_week "
                    + "WHERE chat_id = ? AND week_start > ?::timestamptz - interval '7 days' AND week_start <= ? "
                    + "ORDER BY week_start", chatId, first, latest);
            String top = "SELECT rank, account, posts FROM top_accounts WHERE scope = 'session' AND scope_key = ? "
                    + "AND window_start = ? AND kind = ? ORDER BY rank";
            mentioned = Row.query(c, top, chatId, latest, "mentioned");
            contributors = Row.query(c, top, chatId, latest, "contributor");
            platforms = Row.query(c, "SELECT platform, posts, participants, new_participants, retained_from_previous, "
                    + "brokering_ratio FROM chat_session_platform_metrics WHERE chat_id = ? AND session_start = ? "
                    + "ORDER BY posts DESC, platform", chatId, latest);
        }
        return Optional.of(new ChatHistory(chat, ZoneId.of(chat.text("time_zone")), List.copyOf(sessions), weeks,
                mentioned, contributors, platforms));
    }
}
