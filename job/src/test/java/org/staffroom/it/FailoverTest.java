package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;

/**
 * Exactly-once in effect: TaskManagers killed mid-stream, or the job stopped with a savepoint and
 * resumed, leave the same final rows as a clean run. Its own MiniCluster, so that TaskManagers can
 * be killed and replaced.
 */
class FailoverTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static TestStack stack;
    private static MiniCluster flink;
    private static int liveTaskManager;
    private static List<byte[]> posts;
    private static String cleanDb;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start();
        Configuration conf = new Configuration();
        flink = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        flink.start();

        posts = FaultRig.posts();
        String topic = stack.topic(1);
        stack.write(topic, 0, posts);
        cleanDb = stack.database();
        submit(stack.config(topic, cleanDb, "--bounded", "--parallelism", "2"), null)
                .getJobExecutionResult().get(WAIT.toMinutes(), TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (flink != null) {
                flink.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** Submits the job to this test's cluster, from a savepoint if one is given. */
    private static JobClient submit(StaffroomConfig config, String savepoint) throws Exception {
        Configuration conf = StaffroomJob.flinkConfiguration(config);
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, flink.getRestAddress().get().getPort());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 100);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        StaffroomJob.build(env, config);
        return env.executeAsync("staffroom-failover");
    }

    /**
     * An unbounded run over two partitions, one per reader. No partition may turn idle before the
     * drain: Flink 2.2 drops the final MAX watermark of a source that is idle at drain
     * (FLINK-40499), and the last windows would never end.
     */
    private static String[] live() {
        return new String[] {"--parallelism", "2", "--checkpoint-interval", "200ms", "--idle-timeout", "10m"};
    }

    /** Posts {@code from} to {@code to}, alternately to the two partitions, each in event-time order. */
    private static void write(String topic, int from, int to) {
        List<byte[]> even = new ArrayList<>();
        List<byte[]> odd = new ArrayList<>();
        for (int i = from; i < to; i++) {
            (i % 2 == 0 ? even : odd).add(posts.get(i));
        }
        stack.write(topic, 0, even);
        stack.write(topic, 1, odd);
    }

    private static long completedCheckpoints(JobClient job) throws Exception {
        return flink.getExecutionGraph(job.getJobID()).get().getCheckpointStatsSnapshot().getCounts()
                .getNumberOfCompletedCheckpoints();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static void awaitNewCheckpoint(JobClient job) throws Exception {
        long before = completedCheckpoints(job);
        await("a checkpoint", () -> {
            try {
                return completedCheckpoints(job) > before;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Everything in the topic is covered by a completed checkpoint: the source commits offsets then. */
    private static void awaitConsumed(StaffroomConfig config) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            for (int p = 0; p < 2; p++) {
                TopicPartition partition = new TopicPartition(config.topic(), p);
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                        .offset();
                await("the job to consume " + end + " records of " + partition, () -> {
                    try {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(config.groupId())
                                .partitionsToOffsetAndMetadata().get().get(partition);
                        return committed != null && committed.offset() >= end;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
    }

    /** Stops with a savepoint after draining; after the clock posts every window is final by then. */
    private static void drain(JobClient job, Path savepoints) throws Exception {
        job.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(WAIT.toMinutes(), TimeUnit.MINUTES);
        job.getJobExecutionResult().get(WAIT.toMinutes(), TimeUnit.MINUTES);
    }

    private static void assertSameRowsAsTheCleanRun(String db) throws Exception {
        SameRows.assertAllTables(stack::rows, cleanDb, db);
    }

    @Test
    void killingTheTaskManagerFiveTimesMidStreamLeavesTheRowsOfACleanRun(@TempDir Path savepoints) throws Exception {
        String topic = stack.topic(2);
        String db = stack.database();
        StaffroomConfig config = stack.config(topic, db, live());
        JobClient job = submit(config, null);
        int chunks = 6;
        int kills = 0;
        for (int c = 0; c < chunks; c++) {
            write(topic, posts.size() * c / chunks, posts.size() * (c + 1) / chunks);
            awaitNewCheckpoint(job);
            if (c < chunks - 1) {
                flink.terminateTaskManager(liveTaskManager++).get();
                flink.startTaskManager();
                kills++;
                await("the job to run again", () -> {
                    try {
                        return job.getJobStatus().get() == JobStatus.RUNNING;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
        assertThat(kills).isEqualTo(5);
        awaitConsumed(config);
        drain(job, savepoints);
        int attempts = 0;
        for (var vertex : flink.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            attempts = Math.max(attempts, vertex.getCurrentExecutionAttempt().getAttemptNumber());
        }
        assertThat(attempts).as("tasks restarted after each kill").isGreaterThanOrEqualTo(5);

        assertSameRowsAsTheCleanRun(db);
    }

    /**
     * The README's backfill-then-live path: the stream split at an arbitrary point, stopped there
     * with a savepoint, drained (the windows the stop cuts short written open) or not.
     */
    @ParameterizedTest(name = "split at {0} of the posts, drained: {1}")
    @CsvSource({"0.37, false", "0.71, true"})
    void stoppingWithASavepointAndResumingLeavesTheRowsOfACleanRun(double split, boolean drain,
            @TempDir Path savepoints) throws Exception {
        String topic = stack.topic(2);
        String db = stack.database();
        StaffroomConfig config = stack.config(topic, db, live());
        int at = (int) (posts.size() * split);
        write(topic, 0, at);
        JobClient first = submit(config, null);
        awaitConsumed(config);
        String savepoint = first.stopWithSavepoint(drain, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(WAIT.toMinutes(), TimeUnit.MINUTES);
        assertThat(Files.exists(Path.of(java.net.URI.create(savepoint)))).isTrue();
        if (drain) {
            assertThat(stack.rows(db, "SELECT 1 FROM hashtag_window_metrics WHERE NOT is_final"))
                    .as("the windows the drain cut short, written open").isNotEmpty();
        }

        write(topic, at, posts.size());
        JobClient resumed = submit(config, savepoint);
        awaitConsumed(config);
        drain(resumed, savepoints);

        assertSameRowsAsTheCleanRun(db);
    }
}
