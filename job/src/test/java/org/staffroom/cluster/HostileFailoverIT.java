package org.staffroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.Conditions;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.datagen.replay.Pacer;
import org.staffroom.datagen.replay.Replay;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.publish.RecordSink;
import org.staffroom.it.FinalRowAudit;
import org.staffroom.it.SameRows;
import org.staffroom.platforms.PostEvent;

/**
 * Issue 11, contract §4 under fire: a stream with duplicates, disorder within the bound, rejected records and
 * posts far later than the bound and the allowed lateness, written over two partitions while the cluster jar runs
 * on a real standalone cluster, whose TaskManager JVM is SIGKILLed {@value #TASK_MANAGER_KILLS} times (right after
 * a checkpoint, during one, while a sink is flushing into PostgreSQL) and whose JobManager JVM is SIGKILLed once
 * and started again, the job resubmitted from the newest checkpoint in its checkpoint storage. Every table the job
 * writes must then equal a clean run's over the same records (wall-clock columns aside), and no update may ever
 * have changed a final row (triggers in both databases record every update of one).
 *
 * <p>Both runs are unbounded and fed phase by phase, each phase written once the job has consumed and
 * checkpointed the one before; a last post on each partition, far ahead in event time and counting for nothing,
 * closes every window, after which the run is cancelled. Lateness is what makes delivery timing matter, so the
 * stream is built for a clean run to be deterministic: the late posts of a phase are posts of the phase before the
 * one before, put at its very start, and phases end at a quarter past an hour, where no window's end plus the
 * allowed lateness is near the watermark that the phase leaves (see {@link #phases}).
 */
class HostileFailoverIT {
    private static final long SEED = 1111;
    private static final Duration BOUND = Duration.ofMinutes(1);
    private static final int PHASES = 14;
    private static final int LATE_PER_PHASE = 12;
    private static final int TASK_MANAGER_KILLS = 12;
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When a kill strikes; the JobManager restart strikes right after a checkpoint. */
    enum Moment {
        AFTER_CHECKPOINT, DURING_CHECKPOINT, SINK_FLUSHING, JOB_MANAGER_RESTART
    }

    /** The actions, one after writing each phase from the second on: 12 TaskManager kills and the JobManager. */
    private static final List<Moment> PLAN = List.of(
            Moment.AFTER_CHECKPOINT, Moment.DURING_CHECKPOINT, Moment.SINK_FLUSHING,
            Moment.AFTER_CHECKPOINT, Moment.DURING_CHECKPOINT, Moment.SINK_FLUSHING,
            Moment.JOB_MANAGER_RESTART,
            Moment.AFTER_CHECKPOINT, Moment.DURING_CHECKPOINT, Moment.SINK_FLUSHING,
            Moment.AFTER_CHECKPOINT, Moment.DURING_CHECKPOINT, Moment.SINK_FLUSHING);

    /** One phase: the records of each partition, in order. */
    private record Phase(List<byte[]> partition0, List<byte[]> partition1) {}

    /**
     * What one action did, for the summary; {@code checkpointStatus} is what became of the checkpoint a kill
     * during one struck (FAILED when it struck in time), else null.
     */
    private record Kill(int phase, Moment moment, long atMillis, long pid, String what, String checkpointStatus,
            long recoveredAfterMillis) {}

    private static ClusterStack stack;
    private static StandaloneFlinkCluster cluster;
    private static Path checkpoints;
    private static List<Phase> phases;
    private static String jarId;

    @BeforeAll
    static void startEverything(@TempDir Path tmp) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        // the cluster's checkpoint storage, inside its directory (which ClusterStack empties first): where a
        // JobManager started again finds the job's checkpoints, kept when the job is cancelled
        checkpoints = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("target/hostile-failover-cluster/checkpoints");
        settings.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        // a lost TaskManager noticed within seconds, not the default 50 s, and restarts without a growing back-off
        settings.put("heartbeat.interval", "1 s");
        settings.put("heartbeat.timeout", "10 s");
        settings.put("restart-strategy.type", "fixed-delay");
        settings.put("restart-strategy.fixed-delay.attempts", "1000");
        settings.put("restart-strategy.fixed-delay.delay", "500 ms");
        // REST answers fresh enough to see a checkpoint in progress and every failure of the run
        settings.put("rest.cache.checkpoint-statistics.timeout", "10 ms");
        settings.put("web.refresh-interval", "100 ms");
        settings.put("web.checkpoints.history", "1000");
        settings.put("web.exception-history-size", "1000");
        stack = ClusterStack.start("hostile-failover-cluster", settings);
        cluster = stack.cluster;
        phases = phases(tmp.resolve("posts.jsonl"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void taskManagerKillsAndAJobManagerRestartLeaveTheTablesOfACleanRunAndNoFinalRowChanged() throws Exception {
        long start = System.nanoTime();
        Run clean = new Run("clean");
        clean.feed(List.of());
        System.out.printf("clean run done after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        // a failover of its own (a heartbeat lost on a starved machine) would make it no reference
        assertThat(clean.failures).as("failures of the clean run").isZero();

        Run hostile = new Run("hostile");
        List<Kill> kills = hostile.feed(PLAN);
        System.out.printf("hostile run done after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        printSummary(kills);

        assertThat(kills.stream().filter(k -> k.moment != Moment.JOB_MANAGER_RESTART)).as("TaskManager kills")
                .hasSize(TASK_MANAGER_KILLS);
        assertThat(kills.stream().filter(k -> k.moment == Moment.JOB_MANAGER_RESTART)).hasSize(1);
        assertThat(kills.stream().filter(k -> "FAILED".equals(k.checkpointStatus)))
                .as("kills that struck while a checkpoint was in progress, so that it failed").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        for (Run run : List.of(clean, hostile)) {
            List<String> updates = FinalRowAudit.updates(stack::rows, run.db);
            System.out.printf("%s run: %d update(s) of a final row recorded; rows: %s%n", run.name, updates.size(),
                    stack.rows(run.db, "SELECT (SELECT count(*) FROM hashtag_window_metrics) AS hashtag_windows, "
                            + "(SELECT count(*) FROM late_posts) AS late_posts, "
                            + "(SELECT count(*) FROM rejected_posts) AS rejected_posts"));
            softly.assertThat(FinalRowAudit.changes(stack::rows, run.db))
                    .as("updates of a final row that changed a value, %s run", run.name).isEmpty();
        }
        softly.assertThatCode(() -> SameRows.assertEveryTable(stack::rows, clean.db, hostile.db))
                .doesNotThrowAnyException();
        softly.assertAll();
    }

    /**
     * The records of both runs, phase by phase: the generator's week of a community of 300, delivered by the
     * project's replay with 5% duplicates, disorder within {@link #BOUND} and 0.2% malformed records, cut into
     * {@value #PHASES} phases at a quarter past an hour of event time, alternately over two partitions; then
     * {@value #LATE_PER_PHASE} posts of each phase (with their duplicates) moved to the start of the phase after
     * next, and a last phase of one post per partition 30 days ahead of everything, without hashtags.
     *
     * <p>Why the late posts are late in every clean run, whatever the pace of the two partitions: a phase is
     * written only once the one before is consumed, so when a moved post is read the watermark has passed all of
     * the phase before (both partitions, less the bound) and none of its own partition's current phase. Its
     * 30-minute window ended before that, a day or a week may still be open: the same in every run, since phases
     * end at hh:15, and no window ends (plus the minute of lateness) between hh:01 and hh:30.
     */
    private static List<Phase> phases(Path file) throws Exception {
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(SEED).weeks(1).community(300)
                .build());
        int generated = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (; generator.advance(); generated++) {
                out.write(JsonLines.toBytes(generator.current()));
                out.write('\n');
            }
        }
        List<byte[]> delivered = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void send(byte[] key, byte[] value) {
                delivered.add(value);
            }

            @Override
            public void finish() {}

            @Override
            public long acknowledged() {
                return delivered.size();
            }

            @Override
            public void close() {}
        };
        new Replay(ReplayOptions.builder(file).duplicate(0.05).shuffleWithin(BOUND).malformed(0.002).seed(SEED)
                .build(), sink, Pacer.Clock.SYSTEM, null).run();

        List<Long> times = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (byte[] value : delivered) {
            JsonNode post = readable(value);
            Long time = post == null ? null : eventTime(post.path("createdAt").asText(""));
            boolean counts = time != null
                    && (post.path("hashtags").size() > 0 || post.path("text").asText("").contains("#"));
            times.add(counts ? time : null);
            keys.add(counts ? post.path("platform").asText("unknown") + "/" + post.path("id").asText() : null);
        }
        long first = times.stream().filter(t -> t != null).min(Long::compare).orElseThrow();
        long last = times.stream().filter(t -> t != null).max(Long::compare).orElseThrow();
        List<Integer> bounds = new ArrayList<>(List.of(0));
        for (int p = 1; p < PHASES; p++) {
            Instant cut = Instant.ofEpochMilli(first + (last - first) * p / PHASES).truncatedTo(ChronoUnit.HOURS)
                    .plus(Duration.ofMinutes(15));
            int i = bounds.get(p - 1);
            while (times.get(i) == null || times.get(i) < cut.toEpochMilli()) {
                i++;
            }
            bounds.add(i);
        }
        bounds.add(delivered.size());

        Random random = new Random(SEED);
        List<List<byte[]>> records = new ArrayList<>();
        List<Set<String>> moved = new ArrayList<>();
        Set<String> late = new HashSet<>();
        for (int p = 0; p < PHASES; p++) {
            records.add(new ArrayList<>());
            moved.add(new HashSet<>());
        }
        for (int p = 0; p + 2 < PHASES; p++) {
            // sorted before the seeded shuffle: the choice may not depend on hash order
            List<String> candidates = new ArrayList<>(new TreeSet<>(keys.subList(bounds.get(p), bounds.get(p + 1))
                    .stream().filter(k -> k != null && !late.contains(k)).toList()));
            Collections.shuffle(candidates, random);
            moved.get(p + 2).addAll(candidates.subList(0, LATE_PER_PHASE));
            late.addAll(moved.get(p + 2));
        }
        for (int p = 0; p < PHASES; p++) {
            for (int i = 0; i < delivered.size(); i++) {
                if (keys.get(i) != null && moved.get(p).contains(keys.get(i))) {
                    records.get(p).add(delivered.get(i));
                }
            }
        }
        for (int p = 0; p < PHASES; p++) {
            for (int i = bounds.get(p); i < bounds.get(p + 1); i++) {
                if (keys.get(i) == null || !late.contains(keys.get(i))) {
                    records.get(p).add(delivered.get(i));
                }
            }
        }

        List<Phase> out = new ArrayList<>();
        for (int p = 0; p < PHASES; p++) {
            List<byte[]> even = new ArrayList<>();
            List<byte[]> odd = new ArrayList<>();
            List<byte[]> phase = records.get(p);
            for (int i = 0; i < phase.size(); i++) {
                (i % 2 == 0 ? even : odd).add(phase.get(i));
            }
            out.add(new Phase(even, odd));
        }
        String end = Instant.ofEpochMilli(last).plus(Duration.ofDays(30)).toString();
        out.add(new Phase(List.of(PostEvent.of("clock-0", end, "clock").text("the end of the stream").toBytes()),
                List.of(PostEvent.of("clock-1", end, "clock").text("the end of the stream").toBytes())));
        System.out.printf("stream: %d posts generated, %d records delivered over %d phases (+ the clock), "
                        + "%d posts moved late%n", generated, delivered.size(), PHASES, late.size());
        return out;
    }

    /** The record as a JSON object, or null when it is not one (a malformed record). */
    private static JsonNode readable(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The generator writes UTC instants; a malformed record's createdAt is null. */
    private static Long eventTime(String createdAt) {
        try {
            return Instant.parse(createdAt).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void printSummary(List<Kill> kills) {
        StringBuilder sb = new StringBuilder("kills of the hostile run (time since its start):\n");
        for (Kill k : kills) {
            sb.append(String.format("  %6.1f s  phase %2d  %-19s pid %-7d %s%s; running again after %.1f s%n",
                    k.atMillis / 1000.0, k.phase, k.moment, k.pid, k.what,
                    k.checkpointStatus == null ? "" : ", which then " + k.checkpointStatus,
                    k.recoveredAfterMillis / 1000.0));
        }
        System.out.print(sb);
    }

    /** One run of the job on the cluster: its own topic, consumer group and database with the audit. */
    private static final class Run {
        final String name;
        final String topic;
        final String db;
        final List<String> args;
        String jobId;
        /** Failures of the job (its last submission) by the end of the run. */
        int failures;

        Run(String name) throws Exception {
            this.name = name;
            this.topic = "posts-" + name;
            stack.kafka.createTopic(topic, 2);
            this.db = stack.database("staffroom_" + name);
            FinalRowAudit.install(db, stack.postgres.user(), stack.postgres.password());
            this.args = List.of("--bootstrap-servers", stack.kafka.bootstrapServers(), "--topic", topic,
                    "--group-id", name, "--starting-offsets", "earliest", "--jdbc-url", db,
                    "--jdbc-user", ClusterStack.JOB_USER, "--jdbc-password-file", stack.passwordFile.toString(),
                    "--checkpoint-interval", "500ms", "--out-of-orderness", BOUND.toSeconds() + "s",
                    "--allowed-lateness", "1m", "--live-refresh", "1s",
                    // no partition may turn idle while the test waits: the watermark would run ahead of it
                    "--idle-timeout", "1h");
        }

        /**
         * Submits the job, writes every phase (the action of {@code plan} for it while the phase is being written
         * and read, from the second phase on), waiting for each to be consumed and checkpointed, then the clock;
         * waits until every window is final and written, and cancels the job.
         */
        List<Kill> feed(List<Moment> plan) throws Exception {
            if (jarId == null) {
                jarId = cluster.rest.uploadJar(stack.jar);
            }
            jobId = cluster.rest.runJar(jarId, args, 2);
            awaitRunning();
            long start = System.nanoTime();
            List<Kill> kills = new ArrayList<>();
            List<Long> consumedAt = new ArrayList<>();
            for (int p = 0; p < phases.size(); p++) {
                Phase phase = phases.get(p);
                CompletableFuture<Void> written = CompletableFuture.runAsync(() -> write(phase));
                if (p >= 1 && p - 1 < plan.size()) {
                    kills.add(strike(p, plan.get(p - 1), start));
                }
                written.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                Conditions.awaitCommitted(stack.kafka.bootstrapServers(), topic, 2, name, WAIT);
                consumedAt.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
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
            return kills;
        }

        private void write(Phase phase) {
            try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), topic)) {
                writer.write(0, phase.partition0);
                writer.write(1, phase.partition1);
            }
        }

        /** Waits for the moment, kills, starts the replacement, and waits until the job runs again. */
        private Kill strike(int phase, Moment moment, long runStart) throws Exception {
            int failures = failures();
            long pid;
            long checkpoint = -1;
            String what;
            switch (moment) {
                case AFTER_CHECKPOINT, JOB_MANAGER_RESTART -> {
                    checkpoint = awaitNewCompletedCheckpoint();
                    what = "checkpoint " + checkpoint + " just completed";
                }
                case DURING_CHECKPOINT -> {
                    checkpoint = awaitCheckpointInProgress();
                    what = "checkpoint " + checkpoint + " in progress";
                }
                case SINK_FLUSHING -> what = "the job's role was running " + awaitActiveInsert();
                default -> throw new IllegalStateException(moment.toString());
            }
            pid = moment == Moment.JOB_MANAGER_RESTART ? cluster.killJobManager() : cluster.killTaskManager();
            long killed = System.nanoTime();
            if (moment == Moment.JOB_MANAGER_RESTART) {
                what += restartJobManager();
            } else {
                cluster.startTaskManager();
                Conditions.await("a failure of job " + jobId + " after the kill", WAIT, () -> failures() > failures);
                awaitRunning();
            }
            long recovered = System.nanoTime();
            String status = moment != Moment.DURING_CHECKPOINT ? null
                    : cluster.rest.get("/jobs/" + jobId + "/checkpoints/details/" + checkpoint).path("status").asText();
            return new Kill(phase, moment, TimeUnit.NANOSECONDS.toMillis(killed - runStart), pid, what, status,
                    TimeUnit.NANOSECONDS.toMillis(recovered - killed));
        }

        /**
         * A JobManager without high availability (Flink 2.2 has ZooKeeper and Kubernetes HA, none on files) forgets
         * its jobs when it dies: start it again, and resubmit the job from the newest complete checkpoint in the
         * checkpoint storage, as {@code flink run -s} would.
         */
        private String restartJobManager() throws Exception {
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
            jarId = cluster.rest.uploadJar(stack.jar);
            jobId = cluster.rest.runJar(jarId, args, 2, latest.toUri().toString());
            awaitRunning();
            return "; job " + jobId + " resubmitted from " + checkpoints.relativize(latest);
        }

        /** Every task of the job is RUNNING. */
        private void awaitRunning() throws InterruptedException {
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

        private int failures() throws Exception {
            return cluster.rest.get("/jobs/" + jobId + "/exceptions?maxExceptions=1000").path("exceptionHistory")
                    .path("entries").size();
        }

        /** Polls until a checkpoint completes that had not when called; returns its id. */
        private long awaitNewCompletedCheckpoint() throws Exception {
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
        private long awaitCheckpointInProgress() throws Exception {
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

        private JsonNode checkpointStats() throws Exception {
            return cluster.rest.get("/jobs/" + jobId + "/checkpoints");
        }

        /**
         * Polls pg_stat_activity (without pause: a batch may take a few milliseconds) until the job's role runs an
         * INSERT into this run's database; returns its table.
         */
        private String awaitActiveInsert() throws Exception {
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
}
