package org.staffroom.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.staffroom.Conditions;
import org.staffroom.it.FinalRowAudit;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * One unbounded run of the cluster jar on a {@link ClusterStack}: its own topic, consumer group and database
 * (with the final-row audit), fed a {@link PhasedStream} phase by phase, each phase written once the one
 * before is consumed and checkpointed; then every window is awaited final and the job cancelled. What a
 * test does to the run (kills, restarts, rescaling) happens in the {@link Actions} it hands in.
 */
final class PhasedRun {
    static final Duration WAIT = Duration.ofMinutes(2);

    /** What a test does to a run, phase by phase (from the second phase on, and after each phase). */
    interface Actions {
        /** While phase {@code p} (p ≥ 1) is being written and read. */
        default void whileWriting(PhasedRun run, int p) throws Exception {}

        /** Once phase {@code p} is consumed and checkpointed. */
        default void afterConsumed(PhasedRun run, int p) throws Exception {}
    }

    final String name;
    final String topic;
    final String db;
    final List<String> args;
    private final ClusterStack stack;
    private final StandaloneFlinkCluster cluster;
    private final int partitions;
    private String jarId;
    String jobId;
    /** Failures of the job (its last submission) by the end of the run. */
    int failures;

    /**
     * @param bound the out-of-orderness of the stream, the job's {@code --out-of-orderness}
     */
    PhasedRun(ClusterStack stack, String name, int partitions, Duration bound) throws Exception {
        this.stack = stack;
        this.cluster = stack.cluster;
        this.name = name;
        this.partitions = partitions;
        this.topic = "posts-" + name;
        stack.kafka.createTopic(topic, partitions);
        this.db = stack.database("staffroom_" + name);
        FinalRowAudit.install(db, stack.postgres.user(), stack.postgres.password());
        this.args = List.of("--bootstrap-servers", stack.kafka.bootstrapServers(), "--topic", topic,
                "--group-id", name, "--starting-offsets", "earliest", "--jdbc-url", db,
                "--jdbc-user", ClusterStack.JOB_USER, "--jdbc-password-file", stack.passwordFile.toString(),
                "--checkpoint-interval", "500ms", "--out-of-orderness", bound.toSeconds() + "s",
                "--allowed-lateness", "1m", "--live-refresh", "1s",
                // no partition may turn idle while the test waits: the watermark would run ahead of it
                "--idle-timeout", "1h");
    }

    /**
     * Submits the job at {@code parallelism}, writes every phase (with the test's actions), waiting for each to be
     * consumed and checkpointed, then waits until every window is final and written, and cancels the job.
     */
    void feed(List<PhasedStream.Phase> phases, int parallelism, Actions actions) throws Exception {
        submit(parallelism, null);
        long start = System.nanoTime();
        List<Long> consumedAt = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            PhasedStream.Phase phase = phases.get(p);
            CompletableFuture<Void> written = CompletableFuture.runAsync(() -> write(phase));
            if (p >= 1) {
                actions.whileWriting(this, p);
            }
            written.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Conditions.awaitCommitted(stack.kafka.bootstrapServers(), topic, partitions, name, WAIT);
            consumedAt.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            actions.afterConsumed(this, p);
        }
        System.out.printf("%s run: phases consumed after %s s%n", name, consumedAt);
        Conditions.await("every window of the " + name + " run to be final", WAIT, () -> stack.rows(db,
                "SELECT count(*) AS n FROM (SELECT is_final FROM hashtag_window_metrics UNION ALL "
                        + "SELECT is_final FROM chat_session_metrics UNION ALL SELECT is_final FROM "
                        + "chat_week_metrics) r WHERE NOT is_final").equals(List.of("n=0")));
        // every sink flushes on a checkpoint: two more, and what the last watermark fired is written
        for (int i = 0; i < 2; i++) {
            awaitNewCompletedCheckpoint();
        }
        failures = failures();
        cluster.rest.cancel(jobId, WAIT);
    }

    /** Submits the jar (uploading it first when this JobManager has not seen it), from a savepoint unless null. */
    void submit(int parallelism, String savepoint) throws Exception {
        if (jarId == null) {
            jarId = cluster.rest.uploadJar(stack.jar);
        }
        jobId = cluster.rest.runJar(jarId, args, parallelism, savepoint);
        awaitRunning();
    }

    /**
     * A JobManager without high availability (Flink 2.2 has ZooKeeper and Kubernetes HA, none on files) forgets
     * its jobs when it dies: start it again, and resubmit the job from the newest complete checkpoint in the
     * checkpoint storage, as {@code flink run -s} would; returns what was done, for the summary.
     */
    String restartJobManager(Path checkpoints, int parallelism) throws Exception {
        String lost = jobId;
        cluster.startJobManager();
        cluster.awaitFreeSlots();
        Path latest;
        try (Stream<Path> dirs = Files.list(checkpoints.resolve(lost))) {
            latest = dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.isRegularFile(d.resolve("_metadata")))
                    .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no complete checkpoint of job " + lost + " in "
                            + checkpoints));
        }
        jarId = null;
        submit(parallelism, latest.toUri().toString());
        return "; job " + jobId + " resubmitted from " + checkpoints.relativize(latest);
    }

    private void write(PhasedStream.Phase phase) {
        try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), topic)) {
            for (int k = 0; k < phase.partitions().size(); k++) {
                writer.write(k, phase.partitions().get(k));
            }
        }
    }

    /** Every task of the job is RUNNING. */
    void awaitRunning() throws InterruptedException {
        Conditions.await("every task of job " + jobId + " to run", WAIT, () -> {
            JsonNode job = cluster.rest.get("/jobs/" + jobId);
            if (!job.path("state").asText().equals("RUNNING")) {
                return false;
            }
            for (JsonNode vertex : job.path("vertices")) {
                if (!vertex.path("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        });
    }

    int failures() throws Exception {
        return cluster.rest.get("/jobs/" + jobId + "/exceptions?maxExceptions=1000").path("exceptionHistory")
                .path("entries").size();
    }

    /** Polls until a checkpoint completes that had not when called; returns its id. */
    long awaitNewCompletedCheckpoint() throws Exception {
        long before = checkpointStats().path("counts").path("completed").asLong();
        long[] id = new long[1];
        Conditions.await("a new completed checkpoint of job " + jobId, WAIT, () -> {
            JsonNode stats = checkpointStats();
            id[0] = stats.path("latest").path("completed").path("id").asLong();
            return stats.path("counts").path("completed").asLong() > before;
        });
        return id[0];
    }

    /**
     * Polls (without pause: a checkpoint may last a few milliseconds) until one is in progress with tasks that
     * have not acknowledged it yet (once all have, killing them no longer stops it); returns its id.
     */
    long awaitCheckpointInProgress() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode c : checkpointStats().path("history")) {
                if (c.path("status").asText().equals("IN_PROGRESS")
                        && c.path("num_acknowledged_subtasks").asInt() < c.path("num_subtasks").asInt()) {
                    return c.path("id").asLong();
                }
            }
        }
        throw new AssertionError("no checkpoint of job " + jobId + " in progress within " + WAIT);
    }

    JsonNode checkpointStats() throws Exception {
        return cluster.rest.get("/jobs/" + jobId + "/checkpoints");
    }

    /**
     * Polls pg_stat_activity (without pause: a batch may take a few milliseconds) until the job's role runs an
     * INSERT into this run's database; returns its table.
     */
    String awaitActiveInsert() throws Exception {
        String database = db.substring(db.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(db, stack.postgres.user(), stack.postgres.password());
                PreparedStatement s = c.prepareStatement("SELECT split_part(query, ' ', 3) FROM "
                        + "pg_stat_activity WHERE usename = ? AND datname = ? AND state = 'active' "
                        + "AND query LIKE 'INSERT INTO %'")) {
            s.setString(1, ClusterStack.JOB_USER);
            s.setString(2, database);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return "an INSERT INTO " + rs.getString(1);
                    }
                }
            }
        }
        throw new AssertionError("no INSERT of " + ClusterStack.JOB_USER + " into " + db + " seen within " + WAIT);
    }
}
