package org.staffroom.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic creation shared by the in-process and the child-JVM broker. */
final class Topics {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_INTERVAL_MS = 100;

    private Topics() {}

    /**
     * Creates a topic with one replica per partition (if it does not exist yet) and returns when
     * every partition has a leader that answers ListOffsets: the metadata names a leader a moment
     * before it serves, and an idempotent producer writing at once could see its first batch refused.
     */
    static void create(Admin admin, String name, int partitions, Map<String, String> configs, Duration timeout) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                if (serving(admin, Set.of(name))) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            pause();
        }
        throw new IllegalStateException("topic " + name + " has no serving leader for all " + partitions
                + " partitions after " + timeout, last);
    }

    /** Every partition of the topics has a leader that answers ListOffsets. */
    static boolean serving(Admin admin, Set<String> topics) throws ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return true;
        }
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription description : descriptions.values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        return false;
                    }
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                }
            }
            admin.listOffsets(latest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a topic's leaders", e);
        }
    }

    /** A short pause between polls, not a synchronisation by sleeping. */
    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
