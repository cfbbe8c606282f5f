package org.staffroom.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.util.PGInterval;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.chats.ChatSchedule;
import org.staffroom.options.JdbcOptions;

/**
 * Mirrors the calendar in force into the chats table at start. Chats no longer in the calendar
 * stay, marked inactive, because their past sessions still refer to them (and the job's role may
 * insert and update, not delete).
 */
public final class ChatsTable {
    private static final String DEACTIVATE =
            "UPDATE chats SET active = false, updated_at = now() WHERE active AND NOT (chat_id = ANY (?))";
    private static final String HASHTAGS = "SELECT chat_id, hashtag FROM chats";

    private ChatsTable() {}

    /**
     * Writes the calendar into the table; returns the hashtag of every chat in it, also of those no
     * longer in the calendar, whose open sessions are still written when they end.
     */
    public static Map<String, String> mirror(JdbcOptions jdbc, ChatCalendar calendar) throws SQLException {
        UpsertStatement<ChatSchedule> upsert = upsert();
        try (Connection c = jdbc.connect()) {
            PositionalParameters.requireStatementsAsWritten(c);
            c.setAutoCommit(false);
            try (PreparedStatement write = c.prepareStatement(upsert.sql);
                    PreparedStatement deactivate = c.prepareStatement(DEACTIVATE);
                    PreparedStatement hashtags = c.prepareStatement(HASHTAGS)) {
                for (ChatSchedule chat : calendar.chats()) {
                    upsert.accept(write, chat);
                    write.addBatch();
                }
                write.executeBatch();
                deactivate.setArray(1, c.createArrayOf("text",
                        calendar.chats().stream().map(ChatSchedule::chatId).toArray()));
                deactivate.executeUpdate();
                Map<String, String> byChat = new HashMap<>();
                try (ResultSet rs = hashtags.executeQuery()) {
                    while (rs.next()) {
                        byChat.put(rs.getString(1), rs.getString(2));
                    }
                }
                c.commit();
                return byChat;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A chat's row as the calendar has it, active; rewritten at every start. */
    private static UpsertStatement<ChatSchedule> upsert() {
        return new UpsertStatement<ChatSchedule>("chats", List.of(
                        Column.of("chat_id", (p, chat) -> p.text(chat.chatId()))),
                List.of(
                        Column.of("hashtag", (p, chat) -> p.text(chat.hashtag())),
                        Column.of("day_of_week", (p, chat) -> p.text(chat.day().name().toLowerCase(Locale.ROOT))),
                        Column.of("local_start", (p, chat) -> p.object(chat.start())),
                        Column.of("duration", (p, chat) -> p.object(interval(chat.duration()))),
                        Column.of("time_zone", (p, chat) -> p.text(chat.zone().getId())),
                        Column.of("active", (p, chat) -> p.flag(true))),
                UpsertStatement.OnConflict.REPLACE, true);
    }

    private static PGInterval interval(Duration d) {
        return new PGInterval(0, 0, 0, 0, 0, d.toMillis() / 1000.0);
    }
}
