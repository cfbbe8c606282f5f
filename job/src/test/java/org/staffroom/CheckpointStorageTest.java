package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateChangelogOptions;
import org.junit.jupiter.api.Test;
import org.staffroom.config.StaffroomConfig;

/**
 * Where checkpoints go: --checkpoint-dir, else the cluster's directory; never the JobManager's memory, where state
 * beyond 5 MiB makes every checkpoint fail, and the job fail and restart, for ever.
 */
class CheckpointStorageTest {
    private static final String REFUSAL = "staffroom-job: checkpoints would be kept in the JobManager's memory, which "
            + "holds at most 5 MiB of state; beyond that every checkpoint fails, and the job fails and restarts, for "
            + "ever. Pass --checkpoint-dir URI (file:///..., s3://...) or set execution.checkpointing.dir in the "
            + "cluster's config.yaml";

    @Test
    void theOptionSetsFileSystemStorageKeptOnCancellation() {
        Configuration flink = StaffroomJob.flinkConfiguration(
                StaffroomConfig.of("--checkpoint-dir", "s3://bucket/staffroom/checkpoints"));
        assertThat(flink.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("s3://bucket/staffroom/checkpoints");
        assertThat(flink.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(StaffroomJob.inMemoryCheckpointsRefusal(flink)).isEmpty();
    }

    @Test
    void theClustersOwnDirectoryIsEnoughUnderEitherKey() {
        Configuration flink = StaffroomJob.flinkConfiguration(StaffroomConfig.of());
        assertThat(flink.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
        assertThat(StaffroomJob.inMemoryCheckpointsRefusal(flink)).contains(REFUSAL + ".");

        for (String key : new String[] {"execution.checkpointing.dir", "state.checkpoints.dir"}) {
            Configuration cluster = new Configuration();
            cluster.setString(key, "file:///var/lib/flink/checkpoints");
            cluster.addAll(flink);
            assertThat(StaffroomJob.inMemoryCheckpointsRefusal(cluster)).as(key).isEmpty();
        }
    }

    @Test
    void jobManagerStorageIsRefusedEvenWithADirectory() {
        Configuration cluster = new Configuration();
        cluster.setString("execution.checkpointing.storage", "jobmanager");
        cluster.setString("execution.checkpointing.dir", "file:///var/lib/flink/checkpoints");
        assertThat(StaffroomJob.inMemoryCheckpointsRefusal(cluster))
                .contains(REFUSAL + " (and execution.checkpointing.storage: filesystem, not jobmanager).");
        // the job's own option wins over the cluster's storage
        cluster.addAll(StaffroomJob.flinkConfiguration(StaffroomConfig.of("--checkpoint-dir", "/var/ckpt")));
        assertThat(StaffroomJob.inMemoryCheckpointsRefusal(cluster)).isEmpty();
    }

    /** The heap windows are changed in place, which the changelog would not log: the job's setting wins over the cluster's. */
    @Test
    void theJobRunsWithoutTheChangelogWhateverTheClusterSays() {
        Configuration cluster = new Configuration();
        cluster.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        cluster.addAll(StaffroomJob.flinkConfiguration(StaffroomConfig.of()));
        assertThat(cluster.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isFalse();
    }

    /**
     * Started without a cluster (java, mvn exec:exec), Flink's environment is a local one that reads no
     * config.yaml: the job stops before it connects to anything.
     */
    @Test
    void theJobRefusesToStartWithOneMessage() {
        assertThatThrownBy(() -> StaffroomJob.run(StaffroomConfig.of("--bootstrap-servers", "nowhere.invalid:9092",
                "--jdbc-url", "jdbc:postgresql://nowhere.invalid/staffroom")))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage(REFUSAL + ".").hasNoCause();
    }
}
