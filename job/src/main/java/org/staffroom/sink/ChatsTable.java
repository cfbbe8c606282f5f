package org.staffroom.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.postgresql.util.PGInterval;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.chats.ChatSchedule;
import org.staffroom.config.JdbcOptions;

/**
 * Mirrors the calendar in force into the chats table at start. Chats no longer in the calendar
 * stay, marked inactive, because their past sessions still refer to them (and the job's role may
 * insert and update, not delete).
 */
public final class ChatsTable {
    private static final String UPSERT = "INSERT INTO chats (chat_id, hashtag, day_of_week, local_start, duration, "
            + "time_zone, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, true, now()) ON CONFLICT (chat_id) DO UPDATE SET "
            + "hashtag = EXCLUDED.hashtag, day_of_week = EXCLUDED.day_of_week, local_start = EXCLUDED.local_start, "
            + "duration = EXCLUDED.duration, time_zone = EXCLUDED.time_zone, active = true, updated_at = now()";
    private static final String DEACTIVATE =
            "UPDATE chats SET active = false, updated_at = now() WHERE active AND NOT (chat_id = ANY (?))";

    private ChatsTable() {}

    public static void mirror(JdbcOptions jdbc, ChatCalendar calendar) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                    PreparedStatement deactivate = c.prepareStatement(DEACTIVATE)) {
                for (ChatSchedule chat : calendar.chats()) {
                    upsert.setString(1, chat.chatId());
                    upsert.setString(2, chat.hashtag());
                    upsert.setString(3, chat.day().name().toLowerCase(Locale.ROOT));
                    upsert.setObject(4, chat.start());
                    upsert.setObject(5, interval(chat.duration()));
                    upsert.setString(6, chat.zone().getId());
                    upsert.addBatch();
                }
                upsert.executeBatch();
                deactivate.setArray(1, c.createArrayOf("text",
                        calendar.chats().stream().map(ChatSchedule::chatId).toArray()));
                deactivate.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static PGInterval interval(Duration d) {
        return new PGInterval(0, 0, 0, 0, 0, d.toMillis() / 1000.0);
    }
}
