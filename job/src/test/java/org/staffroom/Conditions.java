package org.staffroom;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the fault tests wait for, each polled with a deadline: never a sleep in place of a condition. */
public final class Conditions {
    private Conditions() {}

    /** Polls {@code condition} (an exception counts as false) until it holds; fails after {@code timeout}. */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError error = new AssertionError("timed out after " + timeout + " waiting for " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /**
     * Everything now in the topic's {@code partitions} partitions is covered by a completed checkpoint of the job
     * reading it as {@code groupId}: Flink's Kafka source commits the group's offsets when a checkpoint completes.
     */
    public static void awaitCommitted(String bootstrapServers, String topic, int partitions, String groupId,
            Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (int p = 0; p < partitions; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                        .offset();
                await("the job to consume and checkpoint " + end + " records of " + partition, timeout, () -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata().get().get(partition);
                    return committed != null && committed.offset() >= end;
                });
            }
        }
    }
}
