package org.staffroom.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a collector wrote to a topic, read from its start by a consumer that keeps up with it: the
 * ids of the posts and those of the deletions, each in the order read (rejections, which name no
 * post, counted apart). Every post and deletion is keyed by its post id.
 */
public final class TopicRecords implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<String> posts = new ArrayList<>();
    private final List<String> deletions = new ArrayList<>();
    private int rejections;

    public TopicRecords(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on until the topic holds a post of every one of {@code wanted}; returns the posts read so far. */
    public List<String> awaitPosts(Collection<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!posts.containsAll(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " the topic holds the posts " + posts + ", not all of "
                        + wanted);
            }
            poll();
        }
        return posts();
    }

    /** Reads up to the topic's end as it is now. */
    public TopicRecords readToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            poll();
        }
        return this;
    }

    public List<String> posts() {
        return List.copyOf(posts);
    }

    public List<String> deletions() {
        return List.copyOf(deletions);
    }

    public int rejections() {
        return rejections;
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode event;
            try {
                event = JSON.readTree(record.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode id = event.path("id");
            if (!id.isTextual()) {
                assertThat(event.has("conversionError")).as("a rejection: %s", event).isTrue();
                rejections++;
                continue;
            }
            assertThat(record.key()).as("the key of %s", event).isNotNull();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).as("the key of %s", event).isEqualTo(id.asText());
            (event.path("deleted").asBoolean(false) ? deletions : posts).add(id.asText());
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
