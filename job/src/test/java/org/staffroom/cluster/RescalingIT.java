package org.staffroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.it.FinalRowAudit;
import org.staffroom.it.SameRows;

/**
 * Rescaling keeps every row: the cluster jar on a standalone cluster of two TaskManager JVMs (2 slots each),
 * started at parallelism 4 over a topic of 4 partitions, is stopped with a savepoint and resumed at
 * parallelism 2, then 1, then 2, then 4 again, new posts written between the stops (with duplicates of posts
 * read before, and posts late for windows finalised before). Every table must equal a clean run's at one
 * parallelism over the same records, and no final row may have changed. The stream is the one of
 * {@link HostileFailoverIT} (see {@link PhasedStream}), spread over 4 partitions.
 */
class RescalingIT {
    private static final long SEED = 2222;
    private static final Duration BOUND = Duration.ofMinutes(1);
    private static final int PARTITIONS = 4;
    private static final int PHASES = 6;
    private static final int LATE_PER_PHASE = 10;
    /** After the phase of the key is consumed: stop with a savepoint, resume at the value's parallelism. */
    private static final Map<Integer, Integer> RESCALE = Map.of(1, 2, 2, 1, 3, 2, 4, 4);

    private static ClusterStack stack;
    private static List<PhasedStream.Phase> phases;

    @BeforeAll
    static void startEverything(@TempDir Path tmp) throws Exception {
        stack = ClusterStack.start("rescaling-cluster", Map.of(), 2);
        phases = PhasedStream.build(tmp.resolve("posts.jsonl"), SEED, PHASES, LATE_PER_PHASE, BOUND, PARTITIONS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void stoppedWithASavepointAndResumedAtParallelism2Then1Then2Then4TheTablesAreAFixedParallelismRunsOnes()
            throws Exception {
        PhasedRun clean = new PhasedRun(stack, "clean", PARTITIONS, BOUND);
        clean.feed(phases, 2, new PhasedRun.Actions() {});

        Path savepoints = Files.createDirectories(stack.cluster.dir.resolve("savepoints"));
        List<String> steps = new ArrayList<>();
        Map<String, Integer> parallelismOfJob = new LinkedHashMap<>();
        PhasedRun rescaled = new PhasedRun(stack, "rescaled", PARTITIONS, BOUND);
        rescaled.feed(phases, 4, new PhasedRun.Actions() {
            @Override
            public void afterConsumed(PhasedRun run, int p) throws Exception {
                parallelismOfJob.putIfAbsent(run.jobId, parallelism(run.jobId));
                Integer next = RESCALE.get(p);
                if (next == null) {
                    return;
                }
                String before = run.jobId;
                String savepoint = stack.cluster.rest.stopWithSavepoint(before, savepoints, PhasedRun.WAIT);
                run.submit(next, savepoint);
                parallelismOfJob.put(run.jobId, parallelism(run.jobId));
                steps.add("after phase " + p + ": " + parallelismOfJob.get(before) + " → " + next + " from "
                        + savepoints.relativize(Path.of(URI.create(savepoint))));
            }
        });
        System.out.printf("rescaling: %s%n", String.join("; ", steps));

        assertThat(parallelismOfJob.values()).as("the parallelism of each submission").containsExactly(4, 2, 1, 2, 4);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(clean.failures).as("failures of the clean run").isZero();
        softly.assertThat(rescaled.failures).as("failures of the last submission of the rescaled run").isZero();
        for (PhasedRun run : List.of(clean, rescaled)) {
            softly.assertThat(FinalRowAudit.changes(stack::rows, run.db))
                    .as("updates of a final row that changed a value, %s run", run.name).isEmpty();
        }
        softly.assertThatCode(() -> SameRows.assertEveryTable(stack::rows, clean.db, rescaled.db))
                .doesNotThrowAnyException();
        softly.assertAll();
    }

    /** The largest parallelism among the job's vertices (the sinks' and windows' is the job's). */
    private static int parallelism(String jobId) throws Exception {
        int max = 0;
        for (JsonNode vertex : stack.cluster.rest.get("/jobs/" + jobId).path("vertices")) {
            max = Math.max(max, vertex.path("parallelism").asInt());
        }
        return max;
    }
}
