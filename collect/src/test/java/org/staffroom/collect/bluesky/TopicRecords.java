package org.staffroom.collect.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ids of the events in a topic (rejections, which have none, left out), read from its start by
 * a consumer that keeps up with it.
 */
final class TopicRecords implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> ids = new ArrayList<>();

    TopicRecords(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on until the topic holds every one of {@code wanted}; returns every id read so far, in order. */
    List<String> awaitAll(Collection<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ids.containsAll(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " the topic holds " + ids + ", not all of " + wanted);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    JsonNode id = JSON.readTree(record.value()).path("id");
                    if (id.isTextual()) {
                        ids.add(id.asText());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
