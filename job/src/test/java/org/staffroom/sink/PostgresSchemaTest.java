package org.staffroom.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.Conditions;
import org.staffroom.QueryRows;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.WindowMetrics;
import org.staffroom.options.JdbcOptions;
import org.staffroom.schema.SchemaMigrations;

/** The schema in sql/: the contract's tables, loadable by Flyway and by plain psql alike, and the upserts. */
class PostgresSchemaTest {
    private static final Path SQL_DIR = Path.of("..", "sql");
    private static EmbeddedPostgres postgres;
    private static int databases;

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

    private static String database() {
        return postgres.createDatabase("schema_" + (++databases));
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    private static List<String> columns(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type, is_nullable "
                        + "FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name NOT LIKE 'flyway%' ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return out;
    }

    @Test
    void flywayCreatesEveryColumnOfTheContract() throws Exception {
        String url = database();
        assertThat(SchemaMigrations.apply(url, postgres.user(), postgres.password())).isGreaterThan(0);
        assertThat(SchemaMigrations.apply(url, postgres.user(), postgres.password())).as("idempotent").isZero();

        List<String> names = columns(url).stream().map(c -> c.split(" ")[0]).collect(Collectors.toList());
        for (String column : List.of("hashtag", "window_size", "window_start", "window_end", "posts", "originals",
                "retweets", "replies", "quotes", "with_link", "with_mention", "with_cotag", "brokering", "questions",
                "participants", "contributors", "new_participants", "returning_participants", "reach", "link_ratio",
                "mention_ratio", "retweet_ratio", "reply_ratio", "brokering_ratio", "is_final", "updated_at")) {
            assertThat(names).contains("hashtag_window_metrics." + column);
        }
        for (String column : List.of("chat_id", "hashtag", "session_start", "session_end", "posts", "originals",
                "retweets", "replies", "quotes", "with_link", "with_mention", "with_cotag", "brokering", "questions",
                "participants", "contributors", "new_participants", "returning_participants", "reach", "link_ratio",
                "mention_ratio", "retweet_ratio", "reply_ratio", "brokering_ratio", "retained_from_previous",
                "is_final", "updated_at")) {
            assertThat(names).contains("chat_session_metrics." + column);
        }
        for (String column : List.of("scope", "scope_key", "window_start", "kind", "rank", "account", "posts")) {
            assertThat(names).contains("top_accounts." + column);
        }
        assertThat(names).contains("chats.chat_id", "chats.hashtag");
        for (String column : List.of("received_at", "topic", "partition", "offset", "reason", "payload")) {
            assertThat(names).contains("rejected_posts." + column);
        }
        for (String column : List.of("platform", "id", "created_at", "received_at", "hashtags", "missed")) {
            assertThat(names).contains("late_posts." + column);
        }
        assertThat(columns(url)).contains("hashtag_window_metrics.window_start timestamp with time zone NO",
                "hashtag_window_metrics.link_ratio numeric YES");
    }

    @Test
    void plainPsqlLoadsTheSameSchema() throws Exception {
        String flyway = database();
        SchemaMigrations.apply(flyway, postgres.user(), postgres.password());
        String psql = database();
        List<Path> files = migrationFiles();
        assertThat(files).isNotEmpty();
        loadWithPsql(psql, files);
        assertThat(columns(psql)).isEqualTo(columns(flyway));
    }

    /**
     * V013 turned the generated ratios into plain columns kept by a trigger: a table migrated with
     * rows in it keeps their ratios to the digit, and every row written afterwards, by any writer,
     * gets the same division as before, whatever it tried to write there.
     */
    @Test
    void theRatiosTriggerKeepsStoredRatiosAndDerivesTheSameDivision() throws Exception {
        String url = database();
        List<Path> files = migrationFiles();
        List<Path> before = files.stream().filter(f -> f.getFileName().toString().compareTo("V013") < 0)
                .collect(Collectors.toList());
        loadWithPsql(url, before);
        String counts = "posts, originals, retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, "
                + "questions, participants, contributors, new_participants, returning_participants, reach";
        String ratios = "SELECT hashtag, link_ratio, mention_ratio, retweet_ratio, reply_ratio, brokering_ratio "
                + "FROM hashtag_window_metrics ORDER BY hashtag";
        try (Connection conn = connect(url); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO hashtag_window_metrics (hashtag, window_size, window_start, window_end, " + counts
                    + ", is_final) VALUES ('edchat', '30m', '2025-01-06T00:00:00Z', '2025-01-06T00:30:00Z', "
                    + "3, 1, 1, 1, 0, 1, 2, 0, 2, 0, 2, 2, 2, 0, 0, true)");
        }
        List<String> generated = QueryRows.of(url, postgres.user(), postgres.password(), ratios);
        assertThat(generated).containsExactly("hashtag=edchat|link_ratio=0.33333333333333333333|"
                + "mention_ratio=0.66666666666666666667|retweet_ratio=0.33333333333333333333|"
                + "reply_ratio=0.33333333333333333333|brokering_ratio=0.66666666666666666667");

        loadWithPsql(url, files.subList(before.size(), files.size()));
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), ratios)).isEqualTo(generated);
        String stillGenerated = "SELECT count(*) AS n FROM pg_attribute WHERE attname LIKE '%\\_ratio' "
                + "AND attgenerated <> '' AND NOT attisdropped";
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), stillGenerated)).containsExactly("n=0");
        String triggers = "SELECT count(*) AS n FROM pg_trigger WHERE tgname = 'ratios_derived'";
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), triggers)).containsExactly("n=5");

        try (Connection conn = connect(url); Statement s = conn.createStatement()) {
            for (String table : List.of("hashtag_window_metrics", "hashtag_window_platform_metrics")) {
                String platform = table.contains("platform") ? "platform, " : "";
                String value = table.contains("platform") ? "'bluesky', " : "";
                s.execute("INSERT INTO " + table + " (hashtag, " + platform + "window_size, window_start, window_end, "
                        + counts + ", link_ratio, is_final) VALUES ('ukedchat', " + value + "'30m', "
                        + "'2025-01-06T00:00:00Z', '2025-01-06T00:30:00Z', 7, 2, 3, 2, 1, 3, 5, 0, 6, 1, 4, 3, 4, 0, 0, "
                        + "0.99, false)");
                s.execute("INSERT INTO " + table + " (hashtag, " + platform + "window_size, window_start, window_end, "
                        + counts + ", is_final) VALUES ('nothing', " + value + "'30m', "
                        + "'2025-01-06T00:00:00Z', '2025-01-06T00:30:00Z', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
                        + "false)");
                s.execute("UPDATE " + table + " SET posts = 8, with_link = 4 WHERE hashtag = 'ukedchat'");
            }
        }
        String division = "SELECT count(*) AS n FROM (SELECT * FROM hashtag_window_metrics UNION ALL "
                + "SELECT hashtag, window_size, window_start, window_end, " + counts + ", link_ratio, mention_ratio, "
                + "retweet_ratio, reply_ratio, brokering_ratio, is_final, updated_at "
                + "FROM hashtag_window_platform_metrics) r WHERE "
                + "link_ratio IS NOT DISTINCT FROM with_link::numeric / NULLIF(posts, 0) "
                + "AND mention_ratio IS NOT DISTINCT FROM with_mention::numeric / NULLIF(posts, 0) "
                + "AND retweet_ratio IS NOT DISTINCT FROM retweets::numeric / NULLIF(posts, 0) "
                + "AND reply_ratio IS NOT DISTINCT FROM replies::numeric / NULLIF(posts, 0) "
                + "AND brokering_ratio IS NOT DISTINCT FROM brokering::numeric / NULLIF(posts, 0)";
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), division)).containsExactly("n=5");
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(),
                "SELECT link_ratio, mention_ratio FROM hashtag_window_platform_metrics WHERE hashtag = 'ukedchat'"))
                .containsExactly("link_ratio=0.50000000000000000000|mention_ratio=0.62500000000000000000");
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(),
                "SELECT link_ratio FROM hashtag_window_metrics WHERE hashtag = 'nothing'"))
                .containsExactly("link_ratio=null");
    }

    private static List<Path> migrationFiles() throws Exception {
        try (Stream<Path> listing = Files.list(SQL_DIR)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().collect(Collectors.toList());
        }
    }

    private static void loadWithPsql(String url, List<Path> files) throws Exception {
        for (Path file : files) {
            Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                    "-p", String.valueOf(postgres.port()), "-U", postgres.user(), "-d", url.substring(url.lastIndexOf('/') + 1),
                    "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(new File("target/psql.log")).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("psql finished").isTrue();
            assertThat(p.exitValue()).as("psql -f " + file + ": " + Files.readString(Path.of("target/psql.log")))
                    .isZero();
        }
    }

    @Test
    void ratiosAreDerivedAndAFinalRowNeverChanges() throws Exception {
        String url = database();
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        EngagementCounts c = new EngagementCounts();
        c.posts = 4;
        c.withLink = 1;
        c.brokering = 3;
        WindowMetrics open = new WindowMetrics("edchat", "30m", 0, 1_800_000, c, 0, false);
        EngagementCounts finalCounts = new EngagementCounts();
        finalCounts.posts = 5;
        WindowMetrics closed = new WindowMetrics("edchat", "30m", 0, 1_800_000, finalCounts, 0, true);
        EngagementCounts otherCounts = new EngagementCounts();
        otherCounts.posts = 1;
        WindowMetrics otherFinal = new WindowMetrics("edchat", "30m", 0, 1_800_000, otherCounts, 0, true);
        EngagementCounts empty = new EngagementCounts();
        WindowMetrics none = new WindowMetrics("quiet", "30m", 0, 1_800_000, empty, 0, true);

        try (Connection conn = connect(url); PreparedStatement ps = conn.prepareStatement(HashtagMetricsStatement.allPlatforms().sql)) {
            HashtagMetricsStatement statement = HashtagMetricsStatement.allPlatforms();
            for (WindowMetrics m : List.of(open, closed, open, otherFinal, none)) {
                statement.accept(ps, m);
                ps.executeUpdate();
            }
        }
        try (Connection conn = connect(url); Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT hashtag, posts, link_ratio, brokering_ratio, is_final "
                        + "FROM hashtag_window_metrics ORDER BY hashtag")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).stripTrailingZeros()
                    + " " + rs.getBoolean(5)).isEqualTo("edchat 5 0 true");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("quiet");
            assertThat(rs.getObject(3)).as("NULL when posts is 0").isNull();
            assertThat(rs.getObject(4)).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aDeletedPostsRowsGoFromEveryContentTableAndStayOutWhateverTheOrder() throws Exception {
        String url = database();
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        String bluesky = "at://did:plc:a/app.bsky.feed.post/3k";
        String mastodon = "https://teachers.ie/users/aoife/statuses/1";
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO late_posts VALUES ('twitter', '1', 'hashtag:ukedchat', now(), now(), '{ukedchat}', '{}'),"
                    + " ('twitter', '1', 'chat:ukedchat', now(), now(), '{ukedchat}', '{}'),"
                    + " ('twitter', '2', 'hashtag:ukedchat', now(), now(), '{ukedchat}', '{}')");
            // raw records of the deleted posts: a contract event, a converter's rejections of an X stream
            // line, a Mastodon frame and a Jetstream event; and of other posts, or no JSON at all
            s.execute("INSERT INTO rejected_posts (received_at, topic, \"partition\", \"offset\", reason, payload, payload_bytes)"
                    + " VALUES (now(), 't', 0, 1, 'r', '{\"id\":\"1\",\"platform\":\"twitter\",\"createdAt\":\"x\"}', 9),"
                    + " (now(), 't', 0, 2, 'r', '{\"conversionError\":\"e\",\"source\":{\"data\":{\"id\":\"1\"}}}', 9),"
                    + " (now(), 't', 0, 3, 'r', '{\"conversionError\":\"e\",\"source\":{\"event\":\"update\","
                    + "\"payload\":\"{\\\"uri\\\":\\\"" + mastodon + "\\\"}\"}}', 9),"
                    + " (now(), 't', 0, 4, 'r', '{\"conversionError\":\"e\",\"source\":{\"did\":\"did:plc:a\","
                    + "\"commit\":{\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\"}}}', 9),"
                    + " (now(), 't', 0, 5, 'r', '{\"id\":\"2\",\"platform\":\"twitter\"}', 9),"
                    + " (now(), 't', 0, 6, 'r', 'not json \"id\":\"1\"', 9)");
            s.execute("INSERT INTO dead_letters (table_name, row_key, sqlstate, error, row_values) VALUES"
                    + " ('late_posts', '{\"platform\":\"twitter\",\"id\":\"1\",\"scope\":\"x\"}', '23514', 'e', '{}'),"
                    + " ('rejected_posts', '{\"topic\":\"t\"}', '22021', 'e', '{\"payload\":\"{\\\"id\\\":\\\"1\\\"}\"}'),"
                    + " ('late_posts', '{\"platform\":\"twitter\",\"id\":\"2\",\"scope\":\"x\"}', '23514', 'e', '{}')");

            s.execute("INSERT INTO deleted_posts VALUES ('twitter', '1', now(), now()), ('mastodon', '" + mastodon
                    + "', NULL, now()), ('bluesky', '" + bluesky + "', NULL, now())");

            assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT id, scope FROM late_posts"))
                    .containsExactly("id=2|scope=hashtag:ukedchat");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(),
                    "SELECT \"offset\" FROM rejected_posts ORDER BY 1")).containsExactly("offset=5", "offset=6");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(),
                    "SELECT row_key->>'id' AS id FROM dead_letters")).containsExactly("id=2");

            // rows of a post deleted already are not written
            s.execute("INSERT INTO late_posts VALUES ('twitter', '1', 'chat-week:ukedchat', now(), now(), '{ukedchat}', '{}')");
            s.execute("INSERT INTO rejected_posts (received_at, topic, \"partition\", \"offset\", reason, payload, payload_bytes)"
                    + " VALUES (now(), 't', 1, 1, 'r', '{\"id\":\"" + bluesky + "\"}', 9)");
            s.execute("INSERT INTO dead_letters (table_name, row_key, sqlstate, error, row_values) VALUES"
                    + " ('late_posts', '{\"platform\":\"twitter\",\"id\":\"1\",\"scope\":\"y\"}', '23514', 'e', '{}')");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT count(*) FROM late_posts "
                    + "UNION ALL SELECT count(*) FROM rejected_posts UNION ALL SELECT count(*) FROM dead_letters"))
                    .containsExactly("count=1", "count=2", "count=1");
        }
    }

    /**
     * Two sinks write at the same moment: a deletion in one transaction, a row of its post in another.
     * Whichever commits first, the later waits for it and then sees it (V012), instead of both
     * missing the other's uncommitted row and the row staying.
     */
    @Test
    void aDeletionAndARowOfItsPostInConcurrentTransactionsDoNotMissEachOther() throws Exception {
        String url = database();
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        String rejected = "INSERT INTO rejected_posts (received_at, topic, \"partition\", \"offset\", reason, payload, "
                + "payload_bytes) VALUES (now(), 't', 0, %d, 'r', '{\"id\":\"%s\"}', 9)";
        String deletion = "INSERT INTO deleted_posts VALUES ('twitter', '%s', NULL, now())";
        // the deletion first, uncommitted; the record's insert waits for it and is then refused
        whileUncommitted(url, deletion.formatted("9"), rejected.formatted(1, "9"));
        // the record first, uncommitted; the deletion waits for it and then removes it
        whileUncommitted(url, rejected.formatted(2, "8"), deletion.formatted("8"));
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT count(*) FROM rejected_posts"))
                .containsExactly("count=0");
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT id FROM deleted_posts ORDER BY id"))
                .containsExactly("id=8", "id=9");
    }

    /** Runs {@code first} in an open transaction, {@code second} on another connection until it waits for a lock, then commits. */
    private static void whileUncommitted(String url, String first, String second) throws Exception {
        try (Connection a = connect(url); Connection b = connect(url); Statement sa = a.createStatement()) {
            a.setAutoCommit(false);
            sa.execute(first);
            int pid;
            try (Statement sb = b.createStatement(); ResultSet rs = sb.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (Statement sb = b.createStatement()) {
                    sb.execute(second);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Conditions.await("the second insert to wait for a lock", Duration.ofSeconds(30),
                    () -> QueryRows.of(url, postgres.user(), postgres.password(), "SELECT wait_event_type FROM "
                            + "pg_stat_activity WHERE pid = " + pid).contains("wait_event_type=Lock"));
            a.commit();
            waiting.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionAgainstItsWeekIsFinalOnlyWhenBothSidesAre() throws Exception {
        String url = database();
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        String counts = "posts, originals, retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, "
                + "questions, participants, contributors, new_participants, returning_participants, reach";
        String zeros = "1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0";
        String isFinal = "SELECT is_final FROM chat_sessions_vs_rest_of_week WHERE week_start = '2025-01-06T00:00:00Z'";
        try (Connection conn = connect(url); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO chats (chat_id, hashtag, day_of_week, local_start, duration, time_zone, active) "
                    + "VALUES ('ukedchat', 'ukedchat', 'thursday', '20:00', '30 minutes', 'Europe/London', true)");
            s.execute("INSERT INTO chat_session_metrics (chat_id, hashtag, session_start, session_end, " + counts
                    + ", retained_from_previous, is_final) VALUES ('ukedchat', 'ukedchat', '2025-01-09T20:00:00Z', "
                    + "'2025-01-09T20:30:00Z', " + zeros + ", 0, true)");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(), isFinal))
                    .as("the week may still get posts outside the session").containsExactly("is_final=f");

            s.execute("INSERT INTO chat_session_metrics (chat_id, hashtag, session_start, session_end, " + counts
                    + ", retained_from_previous, is_final) VALUES ('ukedchat', 'ukedchat', '2025-01-16T20:00:00Z', "
                    + "'2025-01-16T20:30:00Z', " + zeros + ", 1, true)");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(), isFinal))
                    .as("a later final session: that week is over, and had no posts outside its session")
                    .containsExactly("is_final=t");

            s.execute("INSERT INTO chat_week_metrics (chat_id, hashtag, week_start, week_end, " + counts
                    + ", is_final) VALUES ('ukedchat', 'ukedchat', '2025-01-06T00:00:00Z', '2025-01-13T00:00:00Z', "
                    + zeros + ", false)");
            assertThat(QueryRows.of(url, postgres.user(), postgres.password(), isFinal))
                    .as("the week's own row, still open").containsExactly("is_final=f");
        }
    }

    @Test
    void openRowsOfAnEarlierRunAreCountedForTheFreshStartCheck(@TempDir Path dir) throws Exception {
        String url = database();
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        Path password = Files.writeString(dir.resolve("pw"), postgres.password());
        JdbcOptions jdbc = StaffroomConfig.of("--jdbc-url", url, "--jdbc-user", postgres.user(),
                "--jdbc-password-file", password.toString()).jdbc();
        EngagementCounts c = new EngagementCounts();
        c.posts = 1;
        try (Connection conn = connect(url); PreparedStatement ps = conn.prepareStatement(HashtagMetricsStatement.allPlatforms().sql)) {
            HashtagMetricsStatement statement = HashtagMetricsStatement.allPlatforms();
            statement.accept(ps, new WindowMetrics("edchat", "30m", 0, 1_800_000, c, 0, true));
            ps.executeUpdate();
        }
        assertThat(OpenRows.count(jdbc)).as("final rows are no reason to refuse").isZero();
        OpenRows.refuseAFreshStartOver(jdbc);

        try (Connection conn = connect(url); PreparedStatement ps = conn.prepareStatement(HashtagMetricsStatement.allPlatforms().sql)) {
            HashtagMetricsStatement statement = HashtagMetricsStatement.allPlatforms();
            statement.accept(ps, new WindowMetrics("edchat", "1d", 0, 86_400_000, c, 0, false));
            ps.executeUpdate();
        }
        assertThatThrownBy(() -> OpenRows.refuseAFreshStartOver(jdbc)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the tables hold 1 open rows (is_final = false) from an earlier run")
                .hasMessageContaining("flink run -s PATH").hasMessageContaining("--start-without-state");
    }
}
