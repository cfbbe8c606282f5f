package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.staffroom.ClockPosts;
import org.staffroom.Conditions;
import org.staffroom.QueryRows;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.schema.SchemaMigrations;

/**
 * What the fault tests ({@link BrokerRestartTest}, {@link PostgresOutageTest}) share, after
 * {@code FailoverTest}: their own MiniCluster (one TaskManager, two slots), a Kafka broker and a
 * PostgreSQL server given by address (the tests stop and start them), the job submitted with a
 * restart strategy that outlasts the fault, a supervisor that replaces a TaskManager that dies, and
 * the comparison with a clean bounded run.
 *
 * <p>Every wait polls a condition with a deadline.
 */
final class FaultRig implements AutoCloseable {
    static final Duration WAIT = Duration.ofMinutes(2);
    /** Fixed-delay restarts for about 200 s: longer than any fault the tests make. */
    static final int RESTART_ATTEMPTS = 200;
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    private static final AtomicInteger NEXT = new AtomicInteger();

    final MiniCluster flink;
    private final ScheduledExecutorService supervisor;
    private final AtomicInteger replacedTaskManagers = new AtomicInteger();
    private final String bootstrapServers;
    private final int postgresPort;
    private final String user;
    private final String password;
    private final Path passwordFile;

    /**
     * Starts the MiniCluster; the broker and the server are the caller's, who may stop and start
     * them on the same address.
     */
    FaultRig(String bootstrapServers, int postgresPort, String user, String password) throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.postgresPort = postgresPort;
        this.user = user;
        this.password = password;
        this.passwordFile = Files.createTempFile("staffroom-faults", ".pw");
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        try {
            Files.writeString(passwordFile, password);
            cluster.start();
            // the supervisor replaces a TaskManager that was there and is gone, not one still registering
            await("the TaskManager to register", WAIT,
                    () -> cluster.getResourceOverview().get(10, TimeUnit.SECONDS).getNumberTaskManagers() >= 1);
        } catch (Exception | Error e) {
            try {
                cluster.close();
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            throw e;
        }
        this.flink = cluster;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fault-rig-taskmanager-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor.scheduleWithFixedDelay(this::replaceLostTaskManager, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * What a cluster's supervisor (Kubernetes, YARN, systemd) does for a TaskManager process that
     * exits on a fatal error: start a new one. The MiniCluster terminates a TaskManager on a fatal
     * error and never replaces it, and the job would wait for slots for ever.
     */
    private void replaceLostTaskManager() {
        try {
            if (taskManagers() >= 1) {
                return;
            }
            flink.startTaskManager();
            replacedTaskManagers.incrementAndGet();
            // a new TaskManager registers a moment later: until then, the overview still shows none
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (taskManagers() < 1 && System.nanoTime() - deadline < 0) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the cluster is closing, or busy: the next round tries again
        }
    }

    private int taskManagers() throws Exception {
        return flink.getResourceOverview().get(10, TimeUnit.SECONDS).getNumberTaskManagers();
    }

    /** How many TaskManagers died (of a fatal error) and were replaced. */
    int replacedTaskManagers() {
        return replacedTaskManagers.get();
    }

    /**
     * Two weeks of a community of 300, each as its JSON record, then two {@link ClockPosts} (one for
     * each partition when written alternately), so that every window ends final in every run: the
     * end of the input alone leaves the last ones open.
     */
    static List<byte[]> posts() {
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(11).weeks(2).community(300).build());
        List<byte[]> posts = new ArrayList<>();
        while (generator.advance()) {
            posts.add(JsonLines.toBytes(generator.current()));
        }
        posts.add(ClockPosts.ahead(0));
        posts.add(ClockPosts.ahead(1));
        return posts;
    }

    /** Job options for an unbounded run over two partitions, as FailoverTest has them (and why). */
    static String[] live() {
        // no partition may turn idle before the drain: Flink 2.2 drops the final MAX watermark of a
        // source that is idle at drain (see FailoverTest), and the last windows would never end
        return new String[] {"--parallelism", "2", "--checkpoint-interval", "200ms", "--idle-timeout", "10m"};
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** A new database with the schema applied; returns its JDBC URL. */
    String database(String prefix) throws SQLException {
        String name = prefix + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = jdbcUrl(name);
        SchemaMigrations.apply(url, user, password);
        return url;
    }

    /** The job's settings (its own consumer group), with the chats mirrored already. */
    StaffroomConfig config(String topic, String jdbcUrl, String... extraArgs) throws SQLException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers, "--topic", topic,
                "--group-id", "faults-" + NEXT.incrementAndGet(), "--starting-offsets", "earliest",
                "--jdbc-url", jdbcUrl, "--jdbc-user", user, "--jdbc-password-file", passwordFile.toString(),
                "--checkpoint-interval", "1s"));
        args.addAll(List.of(extraArgs));
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        return config;
    }

    /** Submits the job to this cluster, restarting every second for {@link #RESTART_ATTEMPTS} failures. */
    JobClient submit(StaffroomConfig config, String name) throws Exception {
        return submit(config, name, null);
    }

    /** As {@link #submit(StaffroomConfig, String)}, resuming from a savepoint unless it is null. */
    JobClient submit(StaffroomConfig config, String name, String savepoint) throws Exception {
        Configuration conf = StaffroomJob.flinkConfiguration(config);
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, flink.getRestAddress().get().getPort());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        StaffroomJob.build(env, config);
        return env.executeAsync(name);
    }

    /** A bounded run to its end: the reference rows. */
    void runBounded(StaffroomConfig config) throws Exception {
        JobClient job = submit(config, "staffroom-clean");
        try {
            job.getJobExecutionResult().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            job.cancel().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the clean bounded run did not finish within " + WAIT, e);
        }
    }

    void write(String topic, int partition, List<byte[]> values) {
        try (KafkaEventWriter writer = new KafkaEventWriter(bootstrapServers, topic)) {
            writer.write(partition, values);
        }
    }

    /** Posts {@code from} to {@code to}, alternately to the two partitions, each in event-time order. */
    void write(String topic, List<byte[]> posts, int from, int to) {
        List<byte[]> even = new ArrayList<>();
        List<byte[]> odd = new ArrayList<>();
        for (int i = from; i < to; i++) {
            (i % 2 == 0 ? even : odd).add(posts.get(i));
        }
        write(topic, 0, even);
        write(topic, 1, odd);
    }

    long completedCheckpoints(JobClient job) throws Exception {
        return flink.getExecutionGraph(job.getJobID()).get().getCheckpointStatsSnapshot().getCounts()
                .getNumberOfCompletedCheckpoints();
    }

    long failedCheckpoints(JobClient job) throws Exception {
        return flink.getExecutionGraph(job.getJobID()).get().getCheckpointStatsSnapshot().getCounts()
                .getNumberOfFailedCheckpoints();
    }

    void awaitNewCheckpoint(JobClient job) throws Exception {
        long before = completedCheckpoints(job);
        await("a new completed checkpoint (after " + before + ")", WAIT, () -> completedCheckpoints(job) > before);
    }

    /** The job runs with every task running (not restarting, not deploying). */
    void awaitAllTasksRunning(JobClient job) throws Exception {
        await("every task of the job to run", WAIT, () -> {
            AccessExecutionGraph graph = flink.getExecutionGraph(job.getJobID()).get();
            if (graph.getState() != JobStatus.RUNNING) {
                return false;
            }
            for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
                if (vertex.getExecutionState() != ExecutionState.RUNNING) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The highest attempt number of any task: how many times the job was restarted, at least. */
    int restarts(JobClient job) throws Exception {
        int attempts = 0;
        for (AccessExecutionVertex vertex : flink.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            attempts = Math.max(attempts, vertex.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return attempts;
    }

    /** Everything in the topic is covered by a completed checkpoint: the source commits offsets then. */
    void awaitConsumed(StaffroomConfig config) throws Exception {
        Conditions.awaitCommitted(bootstrapServers, config.topic(), 2, config.groupId(), WAIT);
    }

    /** Stops with a savepoint after draining: every window ends and its final row is written. */
    static void drain(JobClient job, Path savepoints) throws Exception {
        job.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        job.getJobExecutionResult().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls {@code condition} (an exception counts as false) until it holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        Conditions.await(what, timeout, condition);
    }

    /** Every row of a query, each as "col=value|col=value", in the query's order. */
    List<String> rows(String jdbcUrl, String sql) throws SQLException {
        return QueryRows.of(jdbcUrl, user, password, sql);
    }

    /** Rows in all output tables together. */
    long rowCount(String jdbcUrl) throws SQLException {
        long n = 0;
        for (String table : SameRows.TABLES) {
            n += rows(jdbcUrl, "SELECT 1 FROM " + table.substring(0, table.indexOf(' '))).size();
        }
        return n;
    }

    /** Every output table holds exactly the rows of the clean run, {@code updated_at} aside. */
    void assertSameRowsAsTheCleanRun(String cleanDb, String db) throws SQLException {
        SameRows.assertAllTables(this::rows, cleanDb, db);
    }

    @Override
    public void close() throws Exception {
        supervisor.shutdownNow();
        supervisor.awaitTermination(30, TimeUnit.SECONDS);
        try {
            flink.close();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }
}
