package org.staffroom.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffroom.QueryRows;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.LatePost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.schema.SchemaMigrations;

/**
 * The upserts as the sinks write them, in batches on a real PostgreSQL: the update names the
 * insert's parameters ({@code $n}) instead of binding the values again, however the driver sends
 * the statement.
 */
class UpsertBatchesTest {
    private static final long HALF_HOUR = 30 * 60_000L;
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
        String url = postgres.createDatabase("upserts_" + (++databases));
        SchemaMigrations.apply(url, postgres.user(), postgres.password());
        return url;
    }

    private static <T> UpsertBatches<T> batches(String url, UpsertStatement<T> statement,
            Map<String, String> driverProperties) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder options = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(url).withDriverName("org.postgresql.Driver")
                .withUsername(postgres.user()).withPassword(postgres.password());
        driverProperties.forEach(options::withProperty);
        return new UpsertBatches<>(new SimpleJdbcConnectionProvider(options.build()), statement);
    }

    @Test
    void theUpdateNamesTheValuesByTheirParametersInTheInsert() {
        String sql = HashtagMetricsStatement.perPlatform().sql;

        assertThat(sql).contains("VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (hashtag, platform, window_size, window_start) DO UPDATE SET window_end = $5, "
                + "posts = $6, originals = $7, retweets = $8, replies = $9, quotes = $10, with_link = $11, "
                + "with_mention = $12, with_cotag = $13, brokering = $14, questions = $15, participants = $16, "
                + "contributors = $17, new_participants = $18, returning_participants = $19, reach = $20, "
                + "is_final = $21, updated_at = now() WHERE NOT hashtag_window_platform_metrics.is_final");
        assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(21);
        assertThat(Column.json("row_key", (p, r) -> p.text("")).placeholder(7)).as("a cast stays").isEqualTo("$7::jsonb");
    }

    /**
     * Six batches of the same two keys, so that the driver switches to a server-side prepared
     * statement on the way (prepareThreshold 1: at once; 5: after five; 0: never). Every column of
     * a row has its own value, so a parameter named at the wrong position shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "5"})
    void batchesWriteEachValueToItsColumnAndNeverChangeAFinalRow(String prepareThreshold) throws Exception {
        String url = database();
        try (UpsertBatches<WindowMetrics> batches = batches(url, HashtagMetricsStatement.perPlatform(),
                Map.of("prepareThreshold", prepareThreshold))) {
            for (int round = 1; round <= 6; round++) {
                WindowMetrics a = row("a", 0, 100 * round, round == 3);
                a.platform = "x";
                WindowMetrics b = row("b", HALF_HOUR, 1000 * round, false);
                b.platform = "bluesky";
                assertThat(batches.write(List.of(a, b))).isEmpty();
            }
        }

        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT hashtag, platform, window_size, "
                + "window_start, window_end, posts, originals, retweets, replies, quotes, with_link, with_mention, "
                + "with_cotag, brokering, questions, participants, contributors, new_participants, "
                + "returning_participants, reach, is_final FROM hashtag_window_platform_metrics ORDER BY hashtag"))
                .containsExactly(
                        "hashtag=a|platform=x|window_size=30m|window_start=1970-01-01 00:00:00+00|"
                                + "window_end=1970-01-01 00:30:00+00|" + counts(300) + "|is_final=t",
                        "hashtag=b|platform=bluesky|window_size=30m|window_start=1970-01-01 00:30:00+00|"
                                + "window_end=1970-01-01 01:00:00+00|" + counts(6000) + "|is_final=f");
    }

    /** The row-by-row writing of a refused batch binds the same way, and its dead letter names the row. */
    @Test
    void aRefusedRowIsDeadLetteredAndItsBatchIsWrittenRowByRow() throws Exception {
        String url = database();
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE hashtag_window_metrics ADD CONSTRAINT no_poison CHECK (hashtag <> 'poison')");
        }
        try (UpsertBatches<WindowMetrics> batches = batches(url, HashtagMetricsStatement.allPlatforms(), Map.of())) {
            assertThat(batches.write(List.of(row("a", 0, 100, false)))).isEmpty();
            List<DeadLetter> refused = batches.write(List.of(row("a", 0, 200, true), row("poison", 0, 300, true),
                    row("b", 0, 400, false)));

            assertThat(refused).extracting(DeadLetter::key, DeadLetter::sqlState).containsExactly(
                    tuple(
                            "{\"hashtag\":\"poison\",\"window_size\":\"30m\",\"window_start\":\"1970-01-01T00:00:00Z\"}",
                            "23514"));
        }
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT hashtag, posts, reach, is_final "
                + "FROM hashtag_window_metrics ORDER BY hashtag")).containsExactly(
                "hashtag=a|posts=201|reach=215|is_final=t", "hashtag=b|posts=401|reach=415|is_final=f");
        assertThat(QueryRows.of(url, postgres.user(), postgres.password(),
                "SELECT row_values->>'posts' AS posts FROM dead_letters")).containsExactly("posts=301");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reWriteBatchedInserts=true", "preferQueryMode=simple"})
    void driverSettingsThatWouldNotSendTheSqlAsWrittenAreRefused(String setting) throws Exception {
        String url = database();
        String[] nameAndValue = setting.split("=");
        try (UpsertBatches<WindowMetrics> batches = batches(url, HashtagMetricsStatement.allPlatforms(),
                Map.of(nameAndValue[0], nameAndValue[1]))) {
            assertThatThrownBy(batches::connect).isInstanceOf(SQLException.class)
                    .hasMessageContaining("remove " + setting + " from --jdbc-url");
        }
    }

    /**
     * Instants go as binary timestamptz: exact to the millisecond from the first to the last instant
     * PostgreSQL holds, and the values beyond them are refused as out of range, as the text was (not
     * written as ±infinity, whose binary values are the extremes of a long).
     */
    @Test
    void instantsReadBackExactlyToTheEdgesOfTimestamptzAndBeyondThemAreRefused() throws Exception {
        String url = database();
        long first = -210_866_803_200_000L;
        long last = 9_224_318_015_999_999L;
        List<LatePost> rows = new ArrayList<>();
        for (long at : new long[] {first, -1, 0, 946_684_800_000L, 1_736_193_485_123L, last, first - 1, last + 1,
                Long.MIN_VALUE, Long.MAX_VALUE}) {
            rows.add(late(at));
        }
        try (UpsertBatches<LatePost> batches = batches(url, new LatePostStatement(), Map.of())) {
            assertThat(batches.write(rows)).extracting(DeadLetter::key, DeadLetter::sqlState).containsExactly(
                    tuple("{\"platform\":\"x\",\"id\":\"" + (first - 1) + "\",\"scope\":\"edchat\"}", "22008"),
                    tuple("{\"platform\":\"x\",\"id\":\"" + (last + 1) + "\",\"scope\":\"edchat\"}", "22008"),
                    tuple("{\"platform\":\"x\",\"id\":\"" + Long.MIN_VALUE + "\",\"scope\":\"edchat\"}", "22008"),
                    tuple("{\"platform\":\"x\",\"id\":\"" + Long.MAX_VALUE + "\",\"scope\":\"edchat\"}", "22008"));
        }

        assertThat(QueryRows.of(url, postgres.user(), postgres.password(), "SELECT id, created_at, "
                + "(extract(epoch FROM created_at) * 1000)::bigint AS millis, created_at = received_at AS same "
                + "FROM late_posts ORDER BY created_at")).containsExactly(
                "id=" + first + "|created_at=4714-11-24 00:00:00+00 BC|millis=" + first + "|same=t",
                "id=-1|created_at=1969-12-31 23:59:59.999+00|millis=-1|same=t",
                "id=0|created_at=1970-01-01 00:00:00+00|millis=0|same=t",
                "id=946684800000|created_at=2000-01-01 00:00:00+00|millis=946684800000|same=t",
                "id=1736193485123|created_at=2025-01-06 19:58:05.123+00|millis=1736193485123|same=t",
                "id=" + last + "|created_at=294276-12-31 23:59:59.999+00|millis=" + last + "|same=t");
    }

    private static LatePost late(long at) {
        LatePost l = new LatePost();
        l.platform = "x";
        l.id = Long.toString(at);
        l.scope = "edchat";
        l.createdAt = at;
        l.receivedAt = at;
        l.hashtags = new String[] {"edchat"};
        l.missed = new String[] {"30m"};
        return l;
    }

    /** A 30-minute window from {@code start}, its 15 counts {@code base + 1} to {@code base + 15} in table order. */
    private static WindowMetrics row(String hashtag, long start, long base, boolean isFinal) {
        EngagementCounts c = new EngagementCounts();
        c.posts = base + 1;
        c.originals = base + 2;
        c.retweets = base + 3;
        c.replies = base + 4;
        c.quotes = base + 5;
        c.withLink = base + 6;
        c.withMention = base + 7;
        c.withCotag = base + 8;
        c.brokering = base + 9;
        c.questions = base + 10;
        c.participants = base + 11;
        c.contributors = base + 12;
        c.newParticipants = base + 13;
        c.returningParticipants = base + 14;
        c.reach = base + 15;
        return new WindowMetrics(hashtag, "30m", start, start + HALF_HOUR, c, 0, isFinal);
    }

    private static String counts(long base) {
        List<String> columns = List.of("posts", "originals", "retweets", "replies", "quotes", "with_link",
                "with_mention", "with_cotag", "brokering", "questions", "participants", "contributors",
                "new_participants", "returning_participants", "reach");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(columns.get(i) + "=" + (base + i + 1));
        }
        return String.join("|", out);
    }
}
