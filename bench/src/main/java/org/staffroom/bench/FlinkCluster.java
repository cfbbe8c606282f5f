package org.staffroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;

/**
 * A local Flink (MiniCluster, one task manager with one slot per parallel instance) that runs the
 * real job, submitted over REST as the local stack does. Checkpoints go to a temporary directory
 * (deleted on close), on the state backend the job's options choose (--state-backend); a failure ends the job instead of restarting it,
 * so that a broken run shows rather than spins.
 */
final class FlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final Configuration clientConf;
    private final Path checkpoints;
    private final int restPort;

    private FlinkCluster(MiniCluster cluster, Configuration clientConf, Path checkpoints, int restPort) {
        this.cluster = cluster;
        this.clientConf = clientConf;
        this.checkpoints = checkpoints;
        this.restPort = restPort;
    }

    static FlinkCluster start(StaffroomConfig config, int slots) throws Exception {
        Path checkpoints = Files.createTempDirectory("staffroom-bench-checkpoints-");
        Configuration conf = StaffroomJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, 0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
        try {
            cluster.start();
            int restPort = cluster.getRestAddress().get().getPort();
            Configuration client = new Configuration(conf);
            client.set(DeploymentOptions.TARGET, "remote");
            client.set(RestOptions.ADDRESS, "localhost");
            client.set(RestOptions.PORT, restPort);
            return new FlinkCluster(cluster, client, checkpoints, restPort);
        } catch (Exception | Error e) {
            cluster.close();
            deleteRecursively(checkpoints);
            throw e;
        }
    }

    /** Wires the real job onto the real source and sinks (which mirror the calendar first) and submits it. */
    JobClient submit(StaffroomConfig config, String name) throws Exception {
        StreamExecutionEnvironment env = environment();
        StaffroomJob.build(env, config);
        return env.executeAsync(name);
    }

    /** An environment whose jobs run on this cluster, submitted over REST. */
    StreamExecutionEnvironment environment() {
        return new StreamExecutionEnvironment(clientConf);
    }

    /** Waits for a bounded job to finish; cancels it and fails after {@code timeout}. */
    static void await(JobClient job, Duration timeout, String what) throws Exception {
        try {
            job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel().get(1, TimeUnit.MINUTES);
            throw new IllegalStateException(what + " did not finish within " + timeout, e);
        }
    }

    MiniCluster miniCluster() {
        return cluster;
    }

    int restPort() {
        return restPort;
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            deleteRecursively(checkpoints);
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("cannot delete " + root + ": " + e.getMessage());
        }
    }
}
