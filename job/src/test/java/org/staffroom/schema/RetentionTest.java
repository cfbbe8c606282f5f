package org.staffroom.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.embedded.EmbeddedPostgres;
import picocli.CommandLine;

/**
 * The retention command on a real PostgreSQL: exactly the rows older than --keep go, and exactly the
 * payloads older than --keep-payloads, in batches, and only for the owner.
 */
class RetentionTest {
    // ages in hours: five beyond 30 days, four within
    private static final List<Long> OLD = List.of(31 * 24L, 30 * 24L + 1, 400 * 24L, 45 * 24L, 30 * 24L + 2);
    private static final List<Long> NEW = List.of(29 * 24L, 30 * 24L - 1, 1L, 0L);

    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgres.start(null);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A new database with the schema, and in each log table one row per age, identified by its age. */
    private static String databaseWithAgedRows() throws SQLException {
        String name = "retention_" + (++databases);
        String url = postgres.createDatabase(name);
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        try (Connection c = owner(url);
                PreparedStatement rejected = c.prepareStatement("INSERT INTO rejected_posts (received_at, topic, "
                        + "\"partition\", \"offset\", reason, payload, payload_bytes) "
                        + "VALUES (now() - ? * interval '1 hour', 'edu.posts', 0, ?, 'not JSON', 'x', 1)");
                PreparedStatement late = c.prepareStatement("INSERT INTO late_posts (platform, id, scope, created_at, "
                        + "received_at, hashtags, missed) VALUES ('twitter', ?, 'hashtag:edchat', "
                        + "now() - interval '500 days', now() - ? * interval '1 hour', '{edchat}', '{}')");
                PreparedStatement dead = c.prepareStatement("INSERT INTO dead_letters (refused_at, table_name, "
                        + "row_key, sqlstate, error, row_values) VALUES (now() - ? * interval '1 hour', "
                        + "'hashtag_window_metrics', jsonb_build_object('age', ?), '23514', 'check', '{}')")) {
            for (long age : concat(OLD, NEW)) {
                rejected.setLong(1, age);
                rejected.setLong(2, age);
                rejected.executeUpdate();
                late.setString(1, Long.toString(age));
                late.setLong(2, age);
                late.executeUpdate();
                dead.setLong(1, age);
                dead.setLong(2, age);
                dead.executeUpdate();
            }
        }
        return url;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    /** The ages left in each log table, in the order of {@link Retention#LOGS}. */
    private static List<List<Long>> agesLeft(String url) throws SQLException {
        List<List<Long>> out = new ArrayList<>();
        for (String sql : List.of("SELECT \"offset\" FROM rejected_posts ORDER BY 1",
                "SELECT id::bigint FROM late_posts ORDER BY 1",
                "SELECT (row_key->>'age')::bigint FROM dead_letters ORDER BY 1")) {
            List<Long> ages = new ArrayList<>();
            try (Connection c = owner(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ages.add(rs.getLong(1));
                }
            }
            out.add(ages);
        }
        return out;
    }

    private static Instant databaseNow(String url) throws SQLException {
        try (Connection c = owner(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private Run retention(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Retention());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Path passwordFile(String password) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "pw", ""), password);
    }

    @Test
    void deletesExactlyTheRowsOlderThanKeepInBatches() throws Exception {
        String url = databaseWithAgedRows();
        Path password = passwordFile(postgres.password());
        Instant before = databaseNow(url);

        // a batch of 2 takes three transactions for the five old rows of each table
        Run run = retention("--jdbc-url", url, "--jdbc-user", postgres.user(),
                "--jdbc-password-file", password.toString(), "--keep", "30d", "--batch-size", "2");
        Instant after = databaseNow(url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Long> sortedNew = NEW.stream().sorted().toList();
        assertThat(agesLeft(url)).containsExactly(sortedNew, sortedNew, sortedNew);

        List<String> reported = new ArrayList<>();
        List<Instant> cutoffs = new ArrayList<>();
        reported(run, reported, cutoffs);
        assertThat(reported).containsExactly("rejected_posts 5 row(s) with received_at deleted",
                "late_posts 5 row(s) with received_at deleted", "dead_letters 5 row(s) with refused_at deleted",
                "rejected_posts 0 payload(s) with received_at cleared", "dead_letters 0 payload(s) with refused_at cleared");
        assertThat(cutoffs).allSatisfy(cutoff -> assertThat(cutoff)
                .isBetween(before.minus(Duration.ofDays(30)), after.minus(Duration.ofDays(30))));
        assertThat(cutoffs).containsOnly(cutoffs.get(0));

        Run again = retention("--jdbc-url", url, "--jdbc-user", postgres.user(),
                "--jdbc-password-file", password.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("rejected_posts: 0 row(s)", "late_posts: 0 row(s)", "dead_letters: 0 row(s)");
        assertThat(agesLeft(url)).containsExactly(sortedNew, sortedNew, sortedNew);
    }

    /** Each line of the report as "table count what with column action", and its cutoff. */
    private static void reported(Run run, List<String> reported, List<Instant> cutoffs) {
        Pattern line = Pattern.compile(
                "staffroom-retention: (\\w+): (\\d+) (row\\(s\\)|payload\\(s\\)) with (\\w+) before (\\S+) (deleted|cleared)");
        for (String l : run.out().strip().split("\n")) {
            Matcher m = line.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            reported.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " with " + m.group(4) + " " + m.group(6));
            cutoffs.add(Instant.parse(m.group(5)));
        }
    }

    @Test
    void clearsExactlyThePayloadsOlderThanKeepPayloadsAndKeepsTheirRows() throws Exception {
        String url = databaseWithAgedRows();
        try (Connection c = owner(url); Statement s = c.createStatement()) {
            // rejected_posts rows the database refused, 10 days and 1 day ago
            for (long age : List.of(240L, 24L)) {
                s.execute("INSERT INTO dead_letters (refused_at, table_name, row_key, sqlstate, error, row_values) "
                        + "VALUES (now() - " + age + " * interval '1 hour', 'rejected_posts', '{\"age\": " + age
                        + "}', '22021', 'bad bytes', '{\"reason\": \"r\", \"payload\": \"@teacher wrote\"}')");
            }
        }
        Instant before = databaseNow(url);

        Run run = retention("--jdbc-url", url, "--jdbc-user", postgres.user(),
                "--jdbc-password-file", passwordFile(postgres.password()).toString(),
                "--keep", "500d", "--keep-payloads", "7d", "--batch-size", "3");
        Instant after = databaseNow(url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> reported = new ArrayList<>();
        List<Instant> cutoffs = new ArrayList<>();
        reported(run, reported, cutoffs);
        // of the nine rejected records, those received 1 hour and 0 hours ago keep their payloads
        assertThat(reported).containsExactly("rejected_posts 0 row(s) with received_at deleted",
                "late_posts 0 row(s) with received_at deleted", "dead_letters 0 row(s) with refused_at deleted",
                "rejected_posts 7 payload(s) with received_at cleared", "dead_letters 1 payload(s) with refused_at cleared");
        assertThat(cutoffs.subList(3, 5)).allSatisfy(cutoff -> assertThat(cutoff)
                .isBetween(before.minus(Duration.ofDays(7)), after.minus(Duration.ofDays(7))));
        List<Long> all = concat(OLD, NEW).stream().sorted().toList();
        assertThat(agesLeft(url).get(0)).isEqualTo(all);
        assertThat(rows(url, "SELECT \"offset\" FROM rejected_posts WHERE payload IS NOT NULL ORDER BY 1"))
                .containsExactly("0", "1");
        assertThat(rows(url, "SELECT row_key->>'age' || ' ' || row_values::text FROM dead_letters "
                + "WHERE table_name = 'rejected_posts' ORDER BY refused_at"))
                .containsExactly("240 {\"reason\": \"r\"}", "24 {\"reason\": \"r\", \"payload\": \"@teacher wrote\"}");
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = owner(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void theJobsWriterRoleMayNotRunIt() throws Exception {
        String url = databaseWithAgedRows();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE retention_writer LOGIN IN ROLE staffroom_writer");
        }

        Run run = retention("--jdbc-url", url, "--jdbc-user", "retention_writer",
                "--jdbc-password-file", passwordFile("").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("staffroom-retention: ERROR: permission denied for table rejected_posts "
                + "(SQLSTATE 42501); run it as the schema's owner: the job's role may not delete\n");
        List<Long> all = concat(OLD, NEW).stream().sorted().toList();
        assertThat(agesLeft(url)).containsExactly(all, all, all);
    }

    @Test
    void refusesOptionsThatWouldDeleteEverythingOrNothing() {
        Run zero = retention("--keep", "0s");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).startsWith("--keep must be positive, got 0s\n");
        Run payloads = retention("--keep-payloads", "0s");
        assertThat(payloads.exitCode()).isEqualTo(2);
        assertThat(payloads.err()).startsWith("--keep-payloads must be positive, got 0s\n");

        Run batch = retention("--batch-size", "0");
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).startsWith("--batch-size must be at least 1, got 0\n");

        Run url = retention("--jdbc-url", "jdbc:mysql://db/staffroom");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).startsWith("--jdbc-url must start with jdbc:postgresql: (got 'jdbc:mysql://db/staffroom')\n");
    }
}
