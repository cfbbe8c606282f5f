package org.staffroom.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.Database;

/**
 * What an analyst would write instead of Staffroom, in Flink SQL: the per-hashtag counts SQL
 * expresses easily, in tumbling windows of 30 minutes and 1 day, from the same topic into a table
 * of its own ({@value #TABLE}) through the JDBC connector's upserts. Run bounded, like the job's
 * bounded runs, on the same kind of MiniCluster, so that the two rates compare.
 *
 * <p>It follows the contract where plain SQL can: hashtags, mentions and links from the arrays, or
 * from the text when a post has none (a regular expression, not twitter-text), hashtags NFKC-
 * normalised (the one function SQL lacks, registered as {@code NFKC}), one leading sign stripped,
 * lower-cased; {@code createdAt} as the event time, with the job's out-of-orderness. It does not
 * de-duplicate, count new or returning participants, reach or questions, follow chat sessions,
 * rank top accounts, record late posts (it drops them), nor count a hashtag written twice in one
 * post in two spellings once.
 */
final class SqlBaseline {
    static final String TABLE = "sql_baseline_hashtag_metrics";

    /** A hashtag in the text: a sign after a space (or at the start), then letters, digits, '_', one letter at least. */
    private static final String TEXT_HASHTAG = "(?:^|\\s)[#＃]([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)";
    private static final String TEXT_MENTION = "(^|\\s)[@＠][A-Za-z0-9_]";
    private static final String TEXT_LINK = "https?://";

    private SqlBaseline() {}

    /**
     * @param database where the rows are
     * @param dailyPosts posts per hashtag over its 1d rows, which the job's must equal
     */
    record Result(int parallelism, long posts, double seconds, ResourceMeter.Usage usage, Database database, long rows,
            Map<String, Long> dailyPosts) {
        double postsPerSecond() {
            return posts / seconds;
        }
    }

    /** NFKC, which Flink SQL has no function for: full-width {@code ＃ＵＫＥｄＣｈａｔ} is {@code #UKEdChat}. */
    public static final class Nfkc extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
    }

    /**
     * The SQL job over the whole of {@code topic} as it is at the start, at {@code parallelism}, into
     * a fresh database with a fresh consumer group.
     *
     * @param extraJobArgs the job options of the bench: the same state backend and out-of-orderness
     */
    static Result run(Infrastructure infra, String topic, long posts, int parallelism, Duration timeout,
            List<String> extraJobArgs) throws Exception {
        Database db = infra.newDatabase("sql_p" + parallelism);
        createTable(db);
        String groupId = "bench-sql-p" + parallelism + "-" + System.nanoTime();
        List<String> args = new ArrayList<>(infra.connectionArgs(topic, groupId, db));
        args.addAll(List.of("--bounded", "--parallelism", String.valueOf(parallelism)));
        args.addAll(extraJobArgs);
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        try (FlinkCluster flink = FlinkCluster.start(config, parallelism)) {
            ResourceMeter meter = ResourceMeter.start(new PostgresCpu(infra.postgresPid()));
            long started = System.nanoTime();
            StreamExecutionEnvironment env = flink.environment();
            env.setParallelism(parallelism);
            StreamTableEnvironment tables = StreamTableEnvironment.create(env);
            // window starts as UTC times, like the job's (its 1d windows are UTC days by default)
            tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
            tables.createTemporarySystemFunction("NFKC", Nfkc.class);
            for (String statement : statements(infra.bootstrapServers(), topic, groupId, db, config.outOfOrderness())) {
                tables.executeSql(statement);
            }
            JobClient job = tables.executeSql(insert()).getJobClient().orElseThrow();
            FlinkCluster.await(job, timeout, "the Flink SQL baseline at parallelism " + parallelism);
            double seconds = (System.nanoTime() - started) / 1e9;
            ResourceMeter.Usage usage = meter.stop();
            return new Result(parallelism, posts, seconds, usage, db, Infrastructure.rowCount(db, TABLE),
                    DailyPosts.byHashtag(db, TABLE));
        }
    }

    /** The table the SQL job upserts into, beside the job's in a database of the bench's. */
    static void createTable(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (hashtag text NOT NULL, window_size text NOT NULL, "
                    + "window_start timestamp NOT NULL, window_end timestamp NOT NULL, posts bigint, retweets bigint, "
                    + "replies bigint, quotes bigint, with_link bigint, with_mention bigint, brokering bigint, "
                    + "participants bigint, contributors bigint, PRIMARY KEY (hashtag, window_size, window_start))");
        }
    }

    /** The source and sink tables and the view of (hashtag, post) rows: what an analyst types before the INSERT. */
    static List<String> statements(String bootstrapServers, String topic, String groupId, Database db,
            Duration outOfOrderness) {
        String posts = "CREATE TEMPORARY TABLE posts (\n"
                + "  id STRING, platform STRING, createdAt TIMESTAMP_LTZ(3), author ROW<id STRING>, `text` STRING,\n"
                + "  hashtags ARRAY<STRING>, mentions ARRAY<STRING>, urls ARRAY<STRING>,\n"
                + "  retweetOf STRING, replyTo STRING, quoteOf STRING,\n"
                + "  WATERMARK FOR createdAt AS createdAt - " + interval(outOfOrderness) + "\n"
                + ") WITH (\n"
                + "  'connector' = 'kafka', 'topic' = '" + topic + "',\n"
                + "  'properties.bootstrap.servers' = '" + bootstrapServers + "', 'properties.group.id' = '" + groupId + "',\n"
                + "  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',\n"
                + "  'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601'\n"
                + ")";
        String sink = "CREATE TEMPORARY TABLE " + TABLE + " (\n"
                + "  hashtag STRING, window_size STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3),\n"
                + "  posts BIGINT, retweets BIGINT, replies BIGINT, quotes BIGINT, with_link BIGINT, with_mention BIGINT,\n"
                + "  brokering BIGINT, participants BIGINT, contributors BIGINT,\n"
                + "  PRIMARY KEY (hashtag, window_size, window_start) NOT ENFORCED\n"
                + ") WITH (\n"
                + "  'connector' = 'jdbc', 'url' = '" + db.url() + "', 'table-name' = '" + TABLE + "',\n"
                + "  'username' = '" + db.user() + "', 'password' = '" + db.password() + "'\n"
                + ")";
        String tagged = "CREATE TEMPORARY VIEW tagged_posts AS\n"
                + "SELECT * FROM (\n"
                + "  SELECT LOWER(REGEXP_REPLACE(NFKC(tag), '^#', '')) AS hashtag,\n"
                + "    COALESCE(platform, 'unknown') || ' ' || author.id AS participant,\n"
                + "    createdAt,\n"
                + "    retweetOf IS NOT NULL AS retweet, replyTo IS NOT NULL AS reply, quoteOf IS NOT NULL AS quote,\n"
                + "    COALESCE(CASE WHEN urls IS NULL THEN REGEXP(`text`, '" + TEXT_LINK + "') "
                + "ELSE CARDINALITY(urls) > 0 END, FALSE) AS with_link,\n"
                + "    COALESCE(CASE WHEN mentions IS NULL THEN REGEXP(`text`, '" + TEXT_MENTION + "') "
                + "ELSE CARDINALITY(mentions) > 0 END, FALSE) AS with_mention\n"
                + "  FROM posts CROSS JOIN UNNEST(COALESCE(hashtags, REGEXP_EXTRACT_ALL(`text`, '" + TEXT_HASHTAG
                + "', 1))) AS t (tag)\n"
                + ") WHERE hashtag <> ''";
        return List.of(posts, sink, tagged);
    }

    /** Both window sizes in one job: the planner reads the topic once for the two. */
    static String insert() {
        return "INSERT INTO " + TABLE + "\n" + windows("30m", "INTERVAL '30' MINUTE") + "\nUNION ALL\n"
                + windows("1d", "INTERVAL '1' DAY");
    }

    private static String windows(String size, String interval) {
        return "SELECT hashtag, '" + size + "', window_start, window_end,\n"
                + "  COUNT(*), COUNT(*) FILTER (WHERE retweet), COUNT(*) FILTER (WHERE reply),\n"
                + "  COUNT(*) FILTER (WHERE quote), COUNT(*) FILTER (WHERE with_link), COUNT(*) FILTER (WHERE with_mention),\n"
                + "  COUNT(*) FILTER (WHERE with_link OR with_mention OR retweet),\n"
                + "  COUNT(DISTINCT participant), COUNT(DISTINCT participant) FILTER (WHERE NOT retweet)\n"
                + "FROM TABLE(TUMBLE(TABLE tagged_posts, DESCRIPTOR(createdAt), " + interval + "))\n"
                + "GROUP BY hashtag, window_start, window_end";
    }

    /** As a day-to-second interval literal, which takes more than the 99 seconds a SECOND literal holds. */
    static String interval(Duration d) {
        long ms = d.toMillis();
        return String.format(Locale.ROOT, "INTERVAL '%d %02d:%02d:%02d.%03d' DAY TO SECOND(3)", ms / 86_400_000,
                ms / 3_600_000 % 24, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
