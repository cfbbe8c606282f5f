package org.staffroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.Conditions;
import org.staffroom.it.FinalRowAudit;
import org.staffroom.it.SameRows;

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

    /**
     * What one action did, for the summary; {@code checkpointStatus} is what became of the checkpoint a kill
     * during one struck (FAILED when it struck in time), else null.
     */
    private record Kill(int phase, Moment moment, long atMillis, long pid, String what, String checkpointStatus,
            long recoveredAfterMillis) {}

    private static ClusterStack stack;
    private static StandaloneFlinkCluster cluster;
    private static Path checkpoints;
    private static List<PhasedStream.Phase> phases;

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
        phases = PhasedStream.build(tmp.resolve("posts.jsonl"), SEED, PHASES, LATE_PER_PHASE, BOUND, 2);
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
        PhasedRun clean = new PhasedRun(stack, "clean", 2, BOUND);
        clean.feed(phases, 2, new PhasedRun.Actions() {});
        System.out.printf("clean run done after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        // a failover of its own (a heartbeat lost on a starved machine) would make it no reference
        assertThat(clean.failures).as("failures of the clean run").isZero();

        PhasedRun hostile = new PhasedRun(stack, "hostile", 2, BOUND);
        List<Kill> kills = new ArrayList<>();
        long hostileStart = System.nanoTime();
        hostile.feed(phases, 2, new PhasedRun.Actions() {
            @Override
            public void whileWriting(PhasedRun run, int p) throws Exception {
                if (p - 1 < PLAN.size()) {
                    kills.add(strike(run, p, PLAN.get(p - 1), hostileStart));
                }
            }
        });
        System.out.printf("hostile run done after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        printSummary(kills);

        assertThat(kills.stream().filter(k -> k.moment != Moment.JOB_MANAGER_RESTART)).as("TaskManager kills")
                .hasSize(TASK_MANAGER_KILLS);
        assertThat(kills.stream().filter(k -> k.moment == Moment.JOB_MANAGER_RESTART)).hasSize(1);
        assertThat(kills.stream().filter(k -> "FAILED".equals(k.checkpointStatus)))
                .as("kills that struck while a checkpoint was in progress, so that it failed").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        for (PhasedRun run : List.of(clean, hostile)) {
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

    /** Waits for the moment, kills, starts the replacement, and waits until the job runs again. */
    private static Kill strike(PhasedRun run, int phase, Moment moment, long runStart) throws Exception {
        int failures = run.failures();
        long pid;
        long checkpoint = -1;
        String what;
        switch (moment) {
            case AFTER_CHECKPOINT, JOB_MANAGER_RESTART -> {
                checkpoint = run.awaitNewCompletedCheckpoint();
                what = "checkpoint " + checkpoint + " just completed";
            }
            case DURING_CHECKPOINT -> {
                checkpoint = run.awaitCheckpointInProgress();
                what = "checkpoint " + checkpoint + " in progress";
            }
            case SINK_FLUSHING -> what = "the job's role was running " + run.awaitActiveInsert();
            default -> throw new IllegalStateException(moment.toString());
        }
        pid = moment == Moment.JOB_MANAGER_RESTART ? cluster.killJobManager() : cluster.killTaskManager();
        long killed = System.nanoTime();
        if (moment == Moment.JOB_MANAGER_RESTART) {
            what += run.restartJobManager(checkpoints, 2);
        } else {
            cluster.startTaskManager();
            Conditions.await("a failure of job " + run.jobId + " after the kill", PhasedRun.WAIT,
                    () -> run.failures() > failures);
            run.awaitRunning();
        }
        long recovered = System.nanoTime();
        String status = moment != Moment.DURING_CHECKPOINT ? null
                : cluster.rest.get("/jobs/" + run.jobId + "/checkpoints/details/" + checkpoint).path("status").asText();
        return new Kill(phase, moment, TimeUnit.NANOSECONDS.toMillis(killed - runStart), pid, what, status,
                TimeUnit.NANOSECONDS.toMillis(recovered - killed));
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
}
