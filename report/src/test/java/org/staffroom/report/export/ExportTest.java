package org.staffroom.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.report.ReportCli;
import org.staffroom.schema.SchemaMigrations;

/**
 * Exports on a real PostgreSQL with the real schema: what is read back from the CSV equals the
 * table, value by value and typed; the time range cuts where it says; NULL and empty text stay
 * apart; the dictionary explains every metric column; a reader cannot export what it may not read.
 */
class ExportTest {
    private static EmbeddedPostgres postgres;
    private static String url;

    @TempDir
    static Path dir;

    private static Path superuserPassword;
    private static Path readerPassword;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start(null);
        url = postgres.createDatabase("exports");
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        superuserPassword = Files.writeString(dir.resolve("superuser"), postgres.password());
        readerPassword = Files.writeString(dir.resolve("reader"), "reader-secret");
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE dashboard LOGIN PASSWORD 'reader-secret' IN ROLE staffroom_reader");
            s.execute("INSERT INTO hashtag_window_metrics (hashtag, window_size, window_start, window_end, posts, "
                    + "originals, retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, questions, "
                    + "participants, contributors, new_participants, returning_participants, reach, is_final, updated_at) "
                    + "VALUES ('edchat', '30m', '2025-01-07T10:00:00Z', '2025-01-07T10:30:00Z', 3, 2, 1, 0, 0, 1, 2, 0, "
                    + "2, 1, 2, 2, 2, 0, 1500, true, '2025-01-07T11:00:00.123456Z'), "
                    + "('edchat', '30m', '2025-01-07T10:30:00Z', '2025-01-07T11:00:00Z', 0, 0, 0, 0, 0, 0, 0, 0, "
                    + "0, 0, 0, 0, 0, 0, 0, false, '2025-01-07T11:00:00Z'), "
                    + "('ukedchat', '1d', '2025-01-08T00:00:00Z', '2025-01-09T00:00:00Z', 7, 7, 0, 0, 0, 0, 0, 0, "
                    + "0, 0, 4, 4, 4, 0, 0, true, '2025-01-09T00:00:01Z')");
            s.execute("INSERT INTO rejected_posts (received_at, topic, \"partition\", \"offset\", reason, payload, "
                    + "payload_bytes) VALUES ('2025-01-07T10:00:00Z', 'edu.posts', 0, 1, "
                    + "'createdAt: \"yesterday\", not an instant,\nsee line 2 — ✓', NULL, 12), "
                    + "('2025-01-07T10:00:01Z', 'edu.posts', 0, 2, 'empty record', '', 0)");
            s.execute("INSERT INTO late_posts (platform, id, scope, created_at, received_at, hashtags, missed) "
                    + "VALUES ('bluesky', 'at://did:plc:x/app.bsky.feed.post/1', 'hashtag:edchat', "
                    + "'2025-01-07T09:59:00Z', '2025-01-09T12:00:00Z', '{edchat,\"uk edchat\"}', '{30m@2025-01-07T09:30:00Z}')");
        }
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aTimeRangeOfAMetricsTableReadsBackAsTheTable() throws Exception {
        Path csv = dir.resolve("windows.csv");
        Run run = export(superuserPassword, postgres.user(), "--table", "hashtag_window_metrics",
                "--from", "2025-01-07", "--to", "2025-01-08", "--out", csv.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("export: 2 rows of hashtag_window_metrics with window_start in "
                + "[2025-01-07T00:00:00Z, 2025-01-08T00:00:00Z)");
        List<CSVRecord> records = read(csv);
        assertThat(records.get(0).get("window_start")).isEqualTo("2025-01-07T10:00:00Z");
        assertThat(records.get(0).get("link_ratio")).isEqualTo("0.33333333333333333333");
        assertThat(records.get(0).get("is_final")).isEqualTo("true");
        assertThat(records.get(0).get("updated_at")).isEqualTo("2025-01-07T11:00:00.123456Z");
        assertThat(records.get(1).get("link_ratio")).as("NULL when posts = 0").isNull();
        assertSameAsTable(records, "SELECT * FROM hashtag_window_metrics WHERE window_start >= '2025-01-07T00:00:00Z' "
                + "AND window_start < '2025-01-08T00:00:00Z' ORDER BY window_start, hashtag, window_size");
    }

    @Test
    void textWithQuotesCommasAndNewlinesAndEmptyTextAndNullAndArraysReadBack() throws Exception {
        Path rejected = dir.resolve("rejected.csv");
        assertThat(export(superuserPassword, postgres.user(), "--table", "rejected_posts", "--out",
                rejected.toString()).exitCode).isZero();
        List<CSVRecord> records = read(rejected);
        assertThat(records.get(0).get("reason")).isEqualTo("createdAt: \"yesterday\", not an instant,\nsee line 2 — ✓");
        assertThat(records.get(0).get("payload")).isNull();
        assertThat(records.get(1).get("payload")).isEmpty();
        assertSameAsTable(records, "SELECT * FROM rejected_posts ORDER BY received_at, topic, \"partition\", \"offset\"");

        Path late = dir.resolve("late.csv");
        assertThat(export(superuserPassword, postgres.user(), "--table", "late_posts", "--out", late.toString()).exitCode)
                .isZero();
        assertThat(read(late).get(0).get("hashtags")).isEqualTo("{edchat,\"uk edchat\"}");
    }

    @Test
    void theDictionaryExplainsEveryMetricColumn() throws Exception {
        Path csv = dir.resolve("sessions.csv");
        assertThat(export(superuserPassword, postgres.user(), "--table", "chat_session_metrics", "--out",
                csv.toString()).exitCode).isZero();
        assertThat(read(csv)).isEmpty();
        List<CSVRecord> dictionary = read(dir.resolve("sessions.dictionary.csv"));
        assertThat(dictionary.get(0).get("name")).isEqualTo("chat_session_metrics");
        assertThat(dictionary.get(0).get("type")).isEqualTo("table");
        assertThat(dictionary.subList(1, dictionary.size())).extracting(r -> r.get("name"))
                .containsExactlyElementsOf(columnsOf("chat_session_metrics"));
        assertThat(dictionary).allSatisfy(r -> assertThat(r.get("description")).as(r.get("name")).isNotBlank());
        CSVRecord retained = dictionary.stream().filter(r -> r.get("name").equals("retained_from_previous"))
                .findFirst().orElseThrow();
        assertThat(retained.get("type")).isEqualTo("bigint");
        assertThat(retained.get("nullable")).isEqualTo("false");
    }

    @Test
    void aReaderExportsTheSummaryButNotThePayloads() throws Exception {
        Run refused = export(readerPassword, "dashboard", "--table", "rejected_posts", "--out",
                dir.resolve("refused.csv").toString());
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).contains("--table rejected_posts: no table or view of that name that dashboard may read")
                .contains("rejected_posts_summary").doesNotContain("rejected_posts,");
        assertThat(dir.resolve("refused.csv")).doesNotExist();

        Path summary = dir.resolve("summary.csv");
        Run run = export(readerPassword, "dashboard", "--table", "rejected_posts_summary", "--from",
                "2025-01-07T10:00:01Z", "--out", summary.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(read(summary)).extracting(r -> r.get("reason")).containsExactly("empty record");
    }

    @Test
    void badOptionsAreRefusedWithTheirName() throws Exception {
        Run noTime = export(superuserPassword, postgres.user(), "--table", "chats", "--from", "2025-01-07");
        assertThat(noTime.exitCode).isEqualTo(2);
        assertThat(noTime.err).contains("--from/--to: chats has no time column");
        Run badDate = export(superuserPassword, postgres.user(), "--table", "chats", "--from", "last week");
        assertThat(badDate.exitCode).isEqualTo(2);
        assertThat(badDate.err).contains("'last week' is neither a date (2025-01-09) nor an instant");
        Run backwards = export(superuserPassword, postgres.user(), "--table", "late_posts", "--from", "2025-01-08",
                "--to", "2025-01-07");
        assertThat(backwards.exitCode).isEqualTo(2);
        assertThat(backwards.err).contains("is not before --to");
    }

    /** Compares each CSV value with the database's, typed: instants, numbers, booleans, text, NULL. */
    private static void assertSameAsTable(List<CSVRecord> records, String sql) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int row = 0;
            while (rs.next()) {
                CSVRecord record = records.get(row++);
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    String value = record.get(column);
                    Object expected = rs.getObject(i);
                    String where = "row " + row + ", " + column;
                    if (expected == null) {
                        assertThat(value).as(where).isNull();
                    } else if ("timestamptz".equals(meta.getColumnTypeName(i))) {
                        assertThat(Instant.parse(value)).as(where)
                                .isEqualTo(rs.getObject(i, OffsetDateTime.class).toInstant());
                    } else if (meta.getColumnType(i) == Types.NUMERIC) {
                        assertThat(new BigDecimal(value)).as(where).isEqualByComparingTo(rs.getBigDecimal(i));
                    } else if (meta.getColumnType(i) == Types.BIGINT || meta.getColumnType(i) == Types.INTEGER) {
                        assertThat(Long.parseLong(value)).as(where).isEqualTo(rs.getLong(i));
                    } else if (meta.getColumnType(i) == Types.BIT || meta.getColumnType(i) == Types.BOOLEAN) {
                        assertThat(Boolean.parseBoolean(value)).as(where).isEqualTo(rs.getBoolean(i));
                    } else {
                        assertThat(value).as(where).isEqualTo(rs.getString(i));
                    }
                }
            }
            assertThat(records).as("rows").hasSize(row);
        }
    }

    private static List<String> columnsOf(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = owner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i));
            }
        }
        return columns;
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CsvExport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private record Run(int exitCode, String err) {}

    private static Run export(Path passwordFile, String user, String... args) {
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        all.addAll(List.of("--jdbc-url", url, "--jdbc-user", user, "--jdbc-password-file", passwordFile.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCli.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), all.toArray(new String[0]));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }
}
