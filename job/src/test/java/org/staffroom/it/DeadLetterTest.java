package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.WindowMetrics;
import org.staffroom.platforms.PostEvent;
import org.staffroom.sink.PostgresSinks;

/**
 * Rows PostgreSQL refuses for their data land in dead_letters with the key, the SQLSTATE, the
 * error and the values, and are counted; the other rows of their batch are written, and the job
 * goes on without a restart.
 */
class DeadLetterTest extends WithStack {
    /** Keeps the metrics of finished jobs, where the counter and the restarts are read. */
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** The window columns compared between a clean row and a dead letter, in the table's order. */
    private static final List<String> VALUE_COLUMNS = List.of("posts", "originals", "retweets", "replies", "quotes",
            "with_link", "with_mention", "with_cotag", "brokering", "questions", "participants", "contributors",
            "new_participants", "returning_participants", "reach");

    @Test
    void aRowRefusedByACheckConstraintIsDeadLetteredAndTheRestIsAsInACleanRun() throws Exception {
        List<byte[]> posts = new ArrayList<>();
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(5).weeks(1).community(150).build());
        for (int i = 0; generator.advance(); i++) {
            byte[] post = JsonLines.toBytes(generator.current());
            posts.add(post);
            if (i % 40 == 0) {
                String createdAt = new String(post, StandardCharsets.UTF_8).replaceFirst(".*\"createdAt\":\"([^\"]*)\".*", "$1");
                posts.add(PostEvent.of("poison-" + i, createdAt, "poisoner-" + i % 7).hashtags("#poison", "#edchat")
                        .text("a post the database will refuse a row for").toBytes());
            }
        }
        String topic = stack.topic(1);
        stack.write(topic, 0, posts);
        String clean = stack.database();
        String poisoned = stack.database();
        execute(poisoned, "ALTER TABLE hashtag_window_metrics ADD CONSTRAINT no_poison CHECK (hashtag <> 'poison')");

        stack.runJob(topic, clean);
        JobID job = stack.runJob(topic, poisoned);

        assertThat(restarts(job)).as("restarts of the job with a refused row").isZero();
        for (String table : SameRows.TABLES) {
            String sql = "SELECT * FROM " + (table.startsWith("hashtag_window_metrics")
                    ? table.replace(" ORDER BY", " WHERE hashtag <> 'poison' ORDER BY") : table);
            List<String> expected = stack.rows(clean, sql);
            if (!table.startsWith("late_posts")) {
                assertThat(expected).as(table).isNotEmpty();
            }
            SameRows.assertSame(table, expected, stack.rows(poisoned, sql));
        }

        assertThat(stack.rows(poisoned, "SELECT DISTINCT table_name, row_key->>'hashtag' AS hashtag, sqlstate, "
                + "split_part(error, E'\\n', 1) AS error FROM dead_letters")).containsExactly("table_name=hashtag_window_metrics|hashtag=poison|sqlstate=23514|"
                + "error=ERROR: new row for relation \"hashtag_window_metrics\" violates check constraint \"no_poison\"");
        // the final dead letters hold exactly the clean run's rows for the refused hashtag
        String columns = String.join(", ", VALUE_COLUMNS);
        List<String> cleanRows = stack.rows(clean, "SELECT hashtag, window_size, window_start, window_end, " + columns
                + ", is_final FROM hashtag_window_metrics WHERE hashtag = 'poison' ORDER BY 1, 2, 3");
        assertThat(cleanRows).isNotEmpty();
        StringBuilder fromLetters = new StringBuilder("SELECT row_key->>'hashtag' AS hashtag, "
                + "row_key->>'window_size' AS window_size, (row_key->>'window_start')::timestamptz AS window_start, "
                + "(row_values->>'window_end')::timestamptz AS window_end");
        VALUE_COLUMNS.forEach(c -> fromLetters.append(", (row_values->>'").append(c).append("')::bigint AS ").append(c));
        fromLetters.append(", (row_values->>'is_final')::boolean AS is_final FROM dead_letters "
                + "WHERE (row_values->>'is_final')::boolean ORDER BY 1, 2, 3");
        assertThat(stack.rows(poisoned, fromLetters.toString())).isEqualTo(cleanRows);

        long letters = Long.parseLong(stack.rows(poisoned, "SELECT count(*) AS n FROM dead_letters").get(0).substring(2));
        assertThat(deadLettered(job)).as("the deadLetteredRows counters").isEqualTo(letters);
    }

    @Test
    void keysTooLargeForTheIndexAreDeadLetteredAndTheRestOfTheBatchIsWritten() throws Exception {
        String db = stack.database();
        // random CJK, 3 bytes each in UTF-8, so that compression cannot bring them under the limits
        SplittableRandom random = new SplittableRandom(3);
        String huge = cjk(random, 3_000);
        String large = cjk(random, 1_000);
        List<WindowMetrics> rows = List.of(row("edchat", 1), row(huge, 2), row("ukedchat", 3), row(large, 4),
                row("sltchat", 5));
        // no timed flush: the five rows are one batch, written at the end of input
        StaffroomConfig config = stack.config("unused", db, "--sink-flush-interval", "0s");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StaffroomJob.flinkConfiguration(config));
        env.setParallelism(1);
        env.fromData(rows).sinkTo(PostgresSinks.prepare(config.sinkSettings(), config.chatCalendar()).hashtagMetrics());
        JobID job = env.execute("dead-letter-index-row").getJobID();

        assertThat(stack.rows(db, "SELECT hashtag, posts FROM hashtag_window_metrics ORDER BY posts"))
                .containsExactly("hashtag=edchat|posts=1", "hashtag=ukedchat|posts=3", "hashtag=sltchat|posts=5");
        assertThat(stack.rows(db, "SELECT table_name, row_key->>'hashtag' AS hashtag, row_key->>'window_size' AS size, "
                + "row_key->>'window_start' AS start, sqlstate, row_values->>'posts' AS posts, "
                + "row_values->>'is_final' AS final FROM dead_letters ORDER BY row_values->>'posts'")).containsExactly(
                "table_name=hashtag_window_metrics|hashtag=" + huge + "|size=30m|start=2025-01-09T20:00:00Z|"
                        + "sqlstate=54000|posts=2|final=true",
                "table_name=hashtag_window_metrics|hashtag=" + large + "|size=30m|start=2025-01-09T20:00:00Z|"
                        + "sqlstate=54000|posts=4|final=true");
        assertThat(stack.rows(db, "SELECT error FROM dead_letters ORDER BY row_values->>'posts'")).satisfiesExactly(
                e -> assertThat(e).startsWith("error=ERROR: index row requires ").contains("maximum size is 8191"),
                e -> assertThat(e).startsWith("error=ERROR: index row size ").contains("exceeds btree version 4 maximum"));
        assertThat(deadLettered(job)).as("the deadLetteredRows counter").isEqualTo(2);
    }

    private static WindowMetrics row(String hashtag, long posts) {
        EngagementCounts counts = new EngagementCounts();
        counts.posts = posts;
        long start = Instant.parse("2025-01-09T20:00:00Z").toEpochMilli();
        return new WindowMetrics(hashtag, "30m", start, start + 1_800_000, counts, 0, true);
    }

    private static String cjk(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.user(), stack.postgres.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The job's deadLetteredRows counters, all subtasks of all sinks. */
    private static long deadLettered(JobID job) {
        return METRICS.findMetrics(job, "deadLetteredRows$").values().stream()
                .mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    @SuppressWarnings("unchecked")
    private static long restarts(JobID job) {
        return ((Gauge<Long>) METRICS.findMetric(job, "\\.numRestarts$").orElseThrow()).getValue();
    }
}
