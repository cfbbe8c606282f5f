package org.staffroom.it;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.staffroom.ClockPosts;
import org.staffroom.QueryRows;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.embedded.SupportServices;
import org.staffroom.schema.SchemaMigrations;

/**
 * One real Kafka broker and one real PostgreSQL server for a test class; each test takes its own
 * topic and its own database, so tests never see each other's rows.
 */
public final class TestStack implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration BOUNDED_RUN_LIMIT = Duration.ofMinutes(3);

    public final EmbeddedKafka kafka;
    public final EmbeddedPostgres postgres;
    private final SupportServices services;
    private final Map<String, Integer> partitionsOf = new ConcurrentHashMap<>();

    private TestStack(SupportServices services) {
        this.services = services;
        this.kafka = services.kafka();
        this.postgres = services.postgres();
    }

    public static TestStack start() {
        return new TestStack(SupportServices.builder(SchemaMigrations::apply).start());
    }

    /** A new topic with {@code partitions} partitions. */
    public String topic(int partitions) {
        return topic(partitions, Map.of());
    }

    public String topic(int partitions, Map<String, String> configs) {
        String name = "posts-" + NEXT.incrementAndGet();
        kafka.createTopic(name, partitions, configs);
        partitionsOf.put(name, partitions);
        return name;
    }

    /** A new database with the schema applied by the same migrations the job's tooling uses. */
    public String database() {
        return services.database("staffroom_" + NEXT.incrementAndGet()).url();
    }

    public void write(String topic, int partition, List<byte[]> values) {
        try (KafkaEventWriter writer = new KafkaEventWriter(kafka.bootstrapServers(), topic)) {
            writer.write(partition, values);
        }
    }

    /**
     * Runs the job on the MiniCluster in bounded mode over everything in the topic, until it ends,
     * and returns its id; a {@link ClockPosts clock post} on each partition first moves event time
     * past every window, so that they end final.
     */
    public JobID runJob(String topic, String jdbcUrl, String... extraArgs) throws Exception {
        for (int p = 0; p < partitionsOf.get(topic); p++) {
            write(topic, p, List.of(ClockPosts.ahead(p)));
        }
        List<String> args = new ArrayList<>(List.of("--bounded"));
        args.addAll(List.of(extraArgs));
        JobClient job = startJob(topic, jdbcUrl, args.toArray(new String[0]));
        try {
            // the job restarts on failure, forever by design: a test must not wait for that
            job.getJobExecutionResult().get(BOUNDED_RUN_LIMIT.toMinutes(), TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            job.cancel().get();
            throw new AssertionError("the bounded job did not finish within " + BOUNDED_RUN_LIMIT
                    + "; see the log for the failure it keeps restarting from", e);
        }
        return job.getJobID();
    }

    /** Starts the job on the MiniCluster from the beginning of the topic; the caller stops it. */
    public JobClient startJob(String topic, String jdbcUrl, String... extraArgs) throws Exception {
        StaffroomConfig config = config(topic, jdbcUrl, extraArgs);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StaffroomJob.flinkConfiguration(config));
        StaffroomJob.build(env, config);
        return env.executeAsync("staffroom-test");
    }

    /** The job's settings for this stack (its own consumer group), with the chats mirrored already. */
    public StaffroomConfig config(String topic, String jdbcUrl, String... extraArgs) throws SQLException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic,
                "--group-id", "test-" + NEXT.incrementAndGet(), "--starting-offsets", "earliest",
                "--jdbc-url", jdbcUrl, "--jdbc-user", services.jobUser(),
                "--jdbc-password-file", services.passwordFile().toString(),
                "--checkpoint-interval", "1s"));
        args.addAll(List.of(extraArgs));
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        return config;
    }

    /** Waits until the query returns a row, polling; fails after {@code timeout}. */
    public List<String> awaitRows(String jdbcUrl, String sql, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> rows = rows(jdbcUrl, sql);
            if (!rows.isEmpty()) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no row after " + timeout + " for: " + sql);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Every row of a query, each as "col=value|col=value", in the query's order. */
    public List<String> rows(String jdbcUrl, String sql) throws SQLException {
        return QueryRows.of(jdbcUrl, postgres.user(), postgres.password(), sql);
    }

    @Override
    public void close() {
        services.close();
    }
}
