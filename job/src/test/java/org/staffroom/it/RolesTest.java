package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.QueryRows;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;

/**
 * Contract §5 on a real PostgreSQL: the job runs with a login role in staffroom_writer, which may
 * insert and update but not read counts or payloads, delete, alter or drop; a login in
 * staffroom_reader may only select, and never the raw records of rejected_posts (issue 13), which
 * only staffroom_debugger reads. A row the database refuses reaches dead_letters under the writer too,
 * and a deletion it reports reaches deleted_posts, which neither reads.
 */
class RolesTest extends StackTest {

    private Connection as(String url, String role) throws SQLException {
        return DriverManager.getConnection(url, role, "not-checked-on-the-test-server");
    }

    private void createLogin(String role, String group) throws SQLException {
        try (Connection c = stack.postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN IN ROLE " + group);
        }
    }

    private static void denied(Connection c, String sql) {
        assertThatThrownBy(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                .as("42501 insufficient privilege, or 42501-like ownership errors").isIn("42501"));
    }

    @Test
    void theJobWritesAsTheWriterAndTheReaderOnlyReads() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        createLogin("job_writer_1", "staffroom_writer");
        createLogin("dash_reader_1", "staffroom_reader");
        createLogin("producer_debugger_1", "staffroom_debugger");
        try (Connection owner = DriverManager.getConnection(db, stack.postgres.user(), stack.postgres.password());
                Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE hashtag_window_metrics ADD CONSTRAINT no_poison CHECK (hashtag <> 'poison')");
        }
        stack.write(topic, 0, List.of(
                PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").text("Q1 what now? #ukedchat @bob").toBytes(),
                PostEvent.of("2", "2025-01-09T20:02:00Z", "bob").text("#poison").toBytes(),
                "broken".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new DeletionEvent("unknown", "1", "2025-01-10T08:00:00Z").toBytes()));

        Path noPassword = Files.createTempFile("staffroom-roles", ".pw");
        try {
            stack.runJob(topic, db, "--jdbc-user", "job_writer_1", "--jdbc-password-file", noPassword.toString());
        } finally {
            Files.deleteIfExists(noPassword);
        }

        try (Connection reader = as(db, "dash_reader_1")) {
            try (Statement s = reader.createStatement()) {
                s.execute("SELECT * FROM hashtag_window_metrics, chat_session_metrics, chats, top_accounts, "
                        + "rejected_posts_summary, late_posts, chat_week_metrics, chat_sessions_vs_rest_of_week, "
                        + "dead_letters_summary");
            }
            assertThat(QueryRows.of(db, "dash_reader_1", "-", "SELECT topic, payload_bytes, "
                    + "reason LIKE 'not valid JSON%' AS unreadable FROM rejected_posts_summary"))
                    .containsExactly("topic=" + topic + "|payload_bytes=6|unreadable=t");
            denied(reader, "SELECT payload FROM rejected_posts");
            denied(reader, "SELECT reason FROM rejected_posts");
            denied(reader, "SELECT row_values FROM dead_letters");
            assertThat(stack.rows(db, "SELECT posts, is_final FROM chat_session_metrics"))
                    .containsExactly("posts=1|is_final=t");
            assertThat(stack.rows(db, "SELECT DISTINCT row_key->>'hashtag' AS hashtag, sqlstate FROM dead_letters"))
                    .containsExactly("hashtag=poison|sqlstate=23514");
            denied(reader, "INSERT INTO chats (chat_id, hashtag, day_of_week, local_start, duration, time_zone, "
                    + "active) VALUES ('x', 'x', 'monday', '20:00', '30 minutes', 'UTC', true)");
            denied(reader, "UPDATE chat_session_metrics SET posts = 0");
            denied(reader, "DELETE FROM rejected_posts");
            denied(reader, "DROP TABLE late_posts");
            denied(reader, "SELECT id FROM deleted_posts");
        }
        try (Connection debugger = as(db, "producer_debugger_1")) {
            assertThat(QueryRows.of(db, "producer_debugger_1", "-", "SELECT payload FROM rejected_posts"))
                    .containsExactly("payload=broken");
            denied(debugger, "SELECT posts FROM hashtag_window_metrics");
            denied(debugger, "DELETE FROM rejected_posts");
        }
        try (Connection writer = as(db, "job_writer_1")) {
            denied(writer, "SELECT payload FROM rejected_posts");
            denied(writer, "SELECT * FROM rejected_posts_summary");
            denied(writer, "SELECT posts FROM hashtag_window_metrics");
            denied(writer, "SELECT error FROM dead_letters");
            denied(writer, "DELETE FROM dead_letters");
            denied(writer, "DELETE FROM hashtag_window_metrics");
            denied(writer, "TRUNCATE rejected_posts");
            denied(writer, "ALTER TABLE chats ADD COLUMN note text");
            denied(writer, "DROP TABLE top_accounts");
            denied(writer, "CREATE TABLE mine (x int)");
            // it reports deletions, whose triggers delete with the owner's rights; it deletes nothing itself
            denied(writer, "SELECT deleted_at FROM deleted_posts");
            denied(writer, "DELETE FROM deleted_posts");
            denied(writer, "DELETE FROM late_posts");
        }
        assertThat(stack.rows(db, "SELECT platform, id, deleted_at FROM deleted_posts"))
                .containsExactly("platform=unknown|id=1|deleted_at=2025-01-10 08:00:00+00");
    }
}
