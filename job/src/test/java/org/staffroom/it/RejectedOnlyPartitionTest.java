package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.PostEvent;

/**
 * A partition that carries only rejected records goes idle after --idle-timeout, so it no longer
 * holds back event time: the other partition's windows become final while records keep arriving
 * on both. (With Flink's withIdleness the rejected records counted as activity, and no window ever
 * became final.)
 */
class RejectedOnlyPartitionTest extends StackTest {
    private static final byte[] REJECTED = "{\"id\":\"no-time\",\"author\":{\"id\":\"u\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void windowsOfTheOtherPartitionBecomeFinal() throws Exception {
        String topic = stack.topic(2);
        String db = stack.database();
        stack.write(topic, 0, List.of(
                PostEvent.of("1", "2025-01-07T10:01:00Z", "a").hashtags("#edchat").toBytes(),
                PostEvent.of("2", "2025-01-07T10:12:00Z", "b").hashtags("#edchat").toBytes(),
                PostEvent.of("3", "2025-01-07T10:29:59Z", "a").hashtags("#EdChat").retweetOf("1").toBytes(),
                PostEvent.of("4", "2025-01-07T11:00:00Z", "c").hashtags("#other").toBytes()));

        // both partitions stay busy: partition 0 with accepted posts that count for nothing (no
        // hashtag) and move no event time, partition 1 with records that are rejected
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (KafkaEventWriter out = new KafkaEventWriter(stack.kafka.bootstrapServers(), topic)) {
                for (int i = 0; writing.get(); i++) {
                    out.write(0, List.of(PostEvent.of("quiet-" + i, "2025-01-07T11:00:00Z", "d").toBytes()));
                    out.write(1, List.of(REJECTED));
                    TimeUnit.MILLISECONDS.sleep(100); // the pace of the traffic, not a synchronisation
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        JobClient job = stack.startJob(topic, db, "--parallelism", "1", "--idle-timeout", "2s",
                "--allowed-lateness", "0s");
        try {
            List<String> row = stack.awaitRows(db, "SELECT hashtag, posts, originals, retweets, participants, "
                    + "contributors, is_final FROM hashtag_window_metrics WHERE window_size = '30m' "
                    + "AND window_start = '2025-01-07T10:00:00Z' AND is_final", Duration.ofMinutes(2));
            assertThat(row).containsExactly(
                    "hashtag=edchat|posts=3|originals=2|retweets=1|participants=2|contributors=2|is_final=t");
            assertThat(stack.rows(db, "SELECT count(*) > 0 AS seen FROM rejected_posts WHERE partition = 1"))
                    .as("partition 1 was read all along").containsExactly("seen=t");
            assertThat(stack.rows(db, "SELECT count(*) AS open FROM hashtag_window_metrics WHERE window_size = '30m' "
                    + "AND window_start = '2025-01-07T11:00:00Z'")).as("the watermark is 30 s before 11:00")
                    .containsExactly("open=0");
        } finally {
            writing.set(false);
            writer.get(1, TimeUnit.MINUTES);
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }
}
