package org.staffroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.embedded.EmbeddedPostgres;
import picocli.CommandLine;

/**
 * The README's first command, as a script would run it: a small hand-built file, an existing
 * database, --exit-when-done; the rows left behind are exactly the expected ones.
 */
class LocalStackTest {

    private static List<String> rows(String url, String user, String password, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getMetaData().getColumnLabel(i)).append('=')
                                .append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    @Test
    void replaysAFileIntoAnExistingDatabaseAndExitsWhenDone(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("posts.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"alice\",\"followers\":10},"
                        + "\"text\":\"Q1: what is feedback for? #UKEdChat\"}",
                "{\"id\":\"2\",\"createdAt\":\"2025-01-09T20:03:00Z\",\"author\":{\"id\":\"bob\",\"followers\":5},"
                        + "\"text\":\"@alice A1 https://eef.org.uk #ukedchat\",\"replyTo\":\"1\"}",
                "{\"id\":\"2\",\"createdAt\":\"2025-01-09T20:03:00Z\",\"author\":{\"id\":\"bob\",\"followers\":5},"
                        + "\"text\":\"@alice A1 https://eef.org.uk #ukedchat\",\"replyTo\":\"1\"}",
                "{\"id\":\"5\",\"platform\":\"bluesky\",\"createdAt\":\"2025-01-09T20:10:00Z\","
                        + "\"author\":{\"id\":\"alice\",\"followers\":20},\"text\":\"Hello from Bluesky #ukedchat\"}",
                "{\"id\":\"3\",\"createdAt\":\"2025-01-09T20:40:00Z\",\"author\":{\"id\":\"carol\"},"
                        + "\"text\":\"Thanks all #ukedchat\"}",
                "{\"id\":\"4\",\"author\":{\"id\":\"dave\"},\"text\":\"no time #ukedchat\"}",
                "definitely not json"), StandardCharsets.UTF_8);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(null)) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE scripted");
            }
            String url = "jdbc:postgresql://localhost:" + postgres.port() + "/scripted";
            Path password = dir.resolve("pw");
            Files.writeString(password, postgres.password());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            int exit;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                exit = new CommandLine(new LocalStack()).execute("--input", input.toString(), "--exit-when-done",
                        "--jdbc-url", url, "--jdbc-user", postgres.user(), "--jdbc-password-file", password.toString(),
                        "--web-port", "0", "--parallelism", "1");
            } finally {
                System.setOut(stdout);
            }
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(output).isZero();
            assertThat(output).contains("== Staffroom summary ==", "7 records read from Kafka; 2 rejected",
                    "Flink web UI: http://localhost:", "Chat sessions by platform");
            // alice on Bluesky is another participant than alice without a platform
            assertThat(output).containsPattern("ukedchat +bluesky +1 +1 +1\\.0 +1 +0 ");

            assertThat(rows(url, postgres.user(), postgres.password(), "SELECT chat_id, session_start, posts, "
                    + "participants, new_participants, replies, with_link, with_mention, questions, reach, is_final "
                    + "FROM chat_session_metrics")).containsExactly(
                    "chat_id=ukedchat|session_start=2025-01-09 20:00:00+00|posts=3|participants=3|new_participants=3|"
                            + "replies=1|with_link=1|with_mention=1|questions=1|reach=35|is_final=t");
            assertThat(rows(url, postgres.user(), postgres.password(), "SELECT hashtag, window_size, window_start, "
                    + "posts, participants, is_final FROM hashtag_window_metrics ORDER BY window_size, window_start"))
                    .containsExactly(
                    // the file ends at 20:40: the day and the half hour it cuts short stay open
                    "hashtag=ukedchat|window_size=1d|window_start=2025-01-09 00:00:00+00|posts=4|participants=4|is_final=f",
                    "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:00:00+00|posts=3|participants=3|is_final=t",
                    "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:30:00+00|posts=1|participants=1|is_final=f");
            assertThat(rows(url, postgres.user(), postgres.password(), "SELECT reason FROM rejected_posts "
                    + "ORDER BY reason")).satisfiesExactly(
                    r -> assertThat(r).isEqualTo("reason=createdAt: required field is missing"),
                    r -> assertThat(r).startsWith("reason=not valid JSON at line 1"));
        }
    }
}
