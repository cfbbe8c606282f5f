package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.ChildKafka;
import org.staffroom.embedded.EmbeddedPostgres;

/**
 * The Kafka broker goes away mid-stream and comes back on the same address with the same data:
 * the job carries on (its source reconnects; it may restart from a checkpoint meanwhile), and the
 * final rows are those of a clean run. The broker runs in a child JVM ({@link ChildKafka}) so that
 * it can really stop and start again.
 */
@Tag("faults")
class BrokerRestartTest {
    private static final Duration DOWN = Duration.ofSeconds(12);
    private static final int CHUNKS = 6;
    /** Chunks written before the broker stops; the rest after it is back. */
    private static final int BEFORE = 2;
    private static final Set<JobStatus> ALIVE = EnumSet.of(JobStatus.CREATED, JobStatus.INITIALIZING,
            JobStatus.RUNNING, JobStatus.RESTARTING);

    @Test
    void stoppingTheBrokerMidStreamLeavesTheRowsOfACleanRun(@TempDir Path savepoints) throws Exception {
        try (ChildKafka kafka = ChildKafka.started();
                EmbeddedPostgres postgres = EmbeddedPostgres.start(null);
                FaultRig rig = new FaultRig(kafka.bootstrapServers(), postgres.port(), postgres.user(),
                        postgres.password())) {
            List<byte[]> posts = FaultRig.posts();
            kafka.createTopic("clean", 1);
            rig.write("clean", 0, posts);
            String cleanDb = rig.database("clean");
            rig.runBounded(rig.config("clean", cleanDb, "--bounded", "--parallelism", "2"));

            kafka.createTopic("live", 2);
            String db = rig.database("live");
            StaffroomConfig config = rig.config("live", db, FaultRig.live());
            JobClient job = rig.submit(config, "staffroom-broker-restart");
            long checkpointsWhileDown;
            long failedWhileDown;
            int restartsWhileDown;
            JobStatus statusWhileDown;
            // the job's state changes at INFO; the rest (the Kafka clients' complaints) at WARN
            LogCapture log = new LogCapture("org.apache.flink.runtime.executiongraph.ExecutionGraph");
            try {
                for (int c = 0; c < BEFORE; c++) {
                    rig.write("live", posts, posts.size() * c / CHUNKS, posts.size() * (c + 1) / CHUNKS);
                    rig.awaitNewCheckpoint(job);
                }

                long completedBefore = rig.completedCheckpoints(job);
                long failedBefore = rig.failedCheckpoints(job);
                kafka.stop();
                long downSince = System.nanoTime();
                // the fault itself: the broker stays away this long, and the job must not give up
                while (System.nanoTime() - downSince < DOWN.toNanos()) {
                    JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
                    assertThat(status).as("the job while the broker is down").isIn(ALIVE);
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                statusWhileDown = job.getJobStatus().get(10, TimeUnit.SECONDS);
                checkpointsWhileDown = rig.completedCheckpoints(job) - completedBefore;
                failedWhileDown = rig.failedCheckpoints(job) - failedBefore;
                restartsWhileDown = rig.restarts(job);
                kafka.start();

                for (int c = BEFORE; c < CHUNKS; c++) {
                    rig.write("live", posts, posts.size() * c / CHUNKS, posts.size() * (c + 1) / CHUNKS);
                    rig.awaitNewCheckpoint(job);
                }
                rig.awaitConsumed(config);
                FaultRig.drain(job, savepoints);
            } finally {
                log.close();
                log.save("BrokerRestartTest");
            }
            int restarts = rig.restarts(job);

            String refused = ":" + kafka.bootstrapServers().split(":")[1] + ") could not be established";
            String commitFailed = "Failed to commit consumer offsets";
            String restarting = "from state RUNNING to RESTARTING";
            System.out.printf("BrokerRestartTest: broker down %d s; meanwhile the job was %s, %d checkpoints completed"
                    + " and %d failed, %d restarts so far; %d restarts in all; %d TaskManagers replaced.%n"
                    + "  %d x \"%s\", first: %s%n  %d x \"%s\", first: %s%n  %d x job %s, first: %s%n",
                    DOWN.toSeconds(), statusWhileDown, checkpointsWhileDown, failedWhileDown, restartsWhileDown,
                    restarts, rig.replacedTaskManagers(), log.count(refused), refused, log.first(refused).orElse("-"),
                    log.count(commitFailed), commitFailed, log.first(commitFailed).orElse("-"),
                    log.count(restarting), restarting, log.first(restarting).orElse("-"));
            // the source's consumers saw the broker go: their log says so
            assertThat(log.count(refused)).as("warnings that the broker cannot be reached").isPositive();

            rig.assertSameRowsAsTheCleanRun(cleanDb, db);
        }
    }
}
