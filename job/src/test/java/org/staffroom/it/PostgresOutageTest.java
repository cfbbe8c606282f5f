package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.embedded.FreePorts;

/**
 * PostgreSQL goes away for a minute mid-stream while posts keep arriving, then comes back on the
 * same port with the same data: the job fails over (the JDBC sink cannot write) and restarts until
 * the database is back, resumes from its last checkpoint, and the final rows are those of a clean
 * run.
 *
 * <p>The TaskManager must survive: the failing task's clean-up closes the sink's writer, and if
 * that {@code close()} threw (as the JDBC connector's does, flushing the failed batch again),
 * Flink 2.2 would count it as "FATAL - exception in exception handler" and stop the TaskManager.
 * The job's writer writes nothing on close ({@code UpsertWriter}); {@link FaultRig} would replace
 * a TaskManager that died, and the test asserts that it never had to.
 */
@Tag("faults")
class PostgresOutageTest {
    /** How long the database is down: the scenario itself, not a synchronisation. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int CHUNKS = 6;

    @Test
    void aMinuteWithoutPostgresMidStreamLeavesTheRowsOfACleanRun(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pgdata");
        int port = FreePorts.pick();
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, port);
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                FaultRig rig = new FaultRig(kafka.bootstrapServers(), port, postgres.user(), postgres.password())) {
            List<byte[]> posts = FaultRig.posts();
            // both databases exist before the outage; the clean run fills its own
            String cleanDb = rig.database("clean");
            String db = rig.database("live");
            kafka.createTopic("clean", 1);
            rig.write("clean", 0, posts);
            rig.runBounded(rig.config("clean", cleanDb, "--bounded", "--parallelism", "2"));

            kafka.createTopic("live", 2);
            StaffroomConfig config = rig.config("live", db, FaultRig.live());
            JobClient job = rig.submit(config, "staffroom-postgres-outage");
            long rowsBefore;
            Duration noticed;
            int restartsDuringOutage;
            Duration recovered;
            // the job's state changes and everything the sinks say; the rest at WARN
            LogCapture log = new LogCapture("org.apache.flink.runtime.executiongraph.ExecutionGraph",
                    "org.staffroom.sink");
            try {
                for (int c = 0; c < 2; c++) {
                    rig.write("live", posts, posts.size() * c / CHUNKS, posts.size() * (c + 1) / CHUNKS);
                    rig.awaitNewCheckpoint(job);
                }
                FaultRig.await("the first rows in the database", FaultRig.WAIT, () -> rig.rowCount(db) > 0);
                rowsBefore = rig.rowCount(db);

                postgres.close();
                long downSince = System.nanoTime();
                // posts keep coming while the database is away
                for (int c = 2; c < 4; c++) {
                    rig.write("live", posts, posts.size() * c / CHUNKS, posts.size() * (c + 1) / CHUNKS);
                }
                FaultRig.await("the job to fail over for want of its database", OUTAGE, () -> rig.restarts(job) > 0);
                noticed = Duration.ofNanos(System.nanoTime() - downSince);
                // the rest of the minute is the outage itself: nothing to wait for, the job keeps restarting
                long rest = OUTAGE.toNanos() - (System.nanoTime() - downSince);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
                restartsDuringOutage = rig.restarts(job);

                postgres = EmbeddedPostgres.start(dataDir, port);
                long upSince = System.nanoTime();
                rig.awaitAllTasksRunning(job);
                rig.awaitNewCheckpoint(job);
                recovered = Duration.ofNanos(System.nanoTime() - upSince);
                assertThat(rig.rowCount(db)).as("rows written before the outage, on the restarted server")
                        .isGreaterThanOrEqualTo(rowsBefore);

                for (int c = 4; c < CHUNKS; c++) {
                    rig.write("live", posts, posts.size() * c / CHUNKS, posts.size() * (c + 1) / CHUNKS);
                    rig.awaitNewCheckpoint(job);
                }
                rig.awaitConsumed(config);
                FaultRig.drain(job, dir.resolve("savepoints"));
            } finally {
                log.close();
                log.save("PostgresOutageTest");
            }

            String refused = "Connection to localhost:" + port + " refused";
            String batchError = "failed (attempt 1 of";
            String restarting = "from state RUNNING to RESTARTING";
            String fatal = "FATAL - exception in exception handler";
            System.out.printf("PostgresOutageTest: database down %d s from %d rows; the job failed over after %.1f s,"
                    + " %d restarts during the outage, all tasks running and a checkpoint %.1f s after the database"
                    + " was back; %d restarts in all; %d TaskManagers died and were replaced.%n"
                    + "  %d x \"%s\", first: %s%n  %d x \"%s\", first: %s%n  %d x job %s, first: %s%n"
                    + "  %d x \"%s\", first: %s%n",
                    OUTAGE.toSeconds(), rowsBefore, noticed.toMillis() / 1000.0, restartsDuringOutage,
                    recovered.toMillis() / 1000.0, rig.restarts(job), rig.replacedTaskManagers(),
                    log.count(batchError), batchError, log.first(batchError).orElse("-"),
                    log.count(refused), refused, log.first(refused).orElse("-"),
                    log.count(restarting), restarting, log.first(restarting).orElse("-"),
                    log.count(fatal), fatal, log.first(fatal).orElse("-"));

            assertThat(restartsDuringOutage).as("task restarts while the database was down").isPositive();
            assertThat(rig.replacedTaskManagers()).as("TaskManagers that died of the outage").isZero();
            assertThat(log.count(fatal)).as("'%s' in the log", fatal).isZero();
            // the log says what happened: the sink's write failed, the server refused connections, the job restarted
            assertThat(log.count(batchError)).as("'%s' in the log", batchError).isPositive();
            assertThat(log.count(refused)).as("'%s' in the log", refused).isPositive();
            assertThat(log.count(restarting)).as("'%s' in the log", restarting).isPositive();

            rig.assertSameRowsAsTheCleanRun(cleanDb, db);
        } finally {
            postgres.close();
        }
    }
}
