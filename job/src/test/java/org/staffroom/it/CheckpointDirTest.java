package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.platforms.PostEvent;

/**
 * --checkpoint-dir on a real MiniCluster that has no checkpoint directory of its own: the job's checkpoints are
 * written there, and the last one is still there after the job is cancelled, to resume from.
 */
class CheckpointDirTest extends StackTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void checkpointsGoToTheDirectoryAndOutliveACancellation(@TempDir Path dir) throws Exception {
        String topic = stack.topic(1);
        stack.write(topic, 0, List.of(PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").text("#UKEdChat").toBytes()));
        JobClient job = stack.startJob(topic, stack.database(), "--checkpoint-dir", dir.toString());
        Path jobDir = dir.resolve(job.getJobID().toString());
        try {
            FaultRig.await("a checkpoint in " + jobDir, WAIT, () -> !completedCheckpoints(jobDir).isEmpty());
        } finally {
            job.cancel().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        FaultRig.await("the job cancelled", WAIT, () -> job.getJobStatus().get() == JobStatus.CANCELED);
        assertThat(completedCheckpoints(jobDir)).as("retained on cancellation").isNotEmpty();
    }

    /** The chk-N directories holding a checkpoint's metadata, which Flink writes last. */
    private static List<Path> completedCheckpoints(Path jobDir) throws Exception {
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.exists(d.resolve("_metadata"))).toList();
        }
    }
}
