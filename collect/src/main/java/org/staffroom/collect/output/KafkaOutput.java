package org.staffroom.collect.output;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.publish.Rejection;
import picocli.CommandLine.Option;

/**
 * Where every collector writes: the posts topic, through the project's one Kafka writer
 * ({@code acks=all}, idempotent, every send acknowledged or the run fails), records keyed by post
 * id so that a post and its redeliveries share a partition. A picocli mixin: each collector command
 * takes these options.
 */
public final class KafkaOutput {
    /** How long a collector waits for an unreachable broker at start before it exits 1. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(15);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            description = "Kafka brokers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers = "localhost:9092";

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The posts topic (default: ${DEFAULT-VALUE}).")
    String topic = "edu.posts";

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE",
            description = "A Kafka producer setting (e.g. security.protocol=SSL); repeatable.")
    Map<String, String> producerProperties = new LinkedHashMap<>();

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    /** Opens the writer; throws {@link org.staffroom.platforms.publish.DeliveryException} when Kafka cannot be reached. */
    public KafkaEventWriter open(String clientId) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("client.id", clientId);
        overrides.putAll(producerProperties);
        return new KafkaEventWriter(bootstrapServers, topic, "none", KafkaEventWriter.Partitioning.KEY,
                overrides, MAX_BLOCK);
    }

    /**
     * Sends a record that could not be mapped as a {@link Rejection}, without a key: the job keeps it
     * in {@code rejected_posts} with its reason, where a person can look at it.
     */
    static void sendRejection(KafkaEventWriter writer, Conversion.Unmappable rejected) {
        writer.send(null, Rejection.json(rejected.reason(), rejected.source()).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one event keyed by its post id. */
    static void send(KafkaEventWriter writer, PostEvent event) {
        writer.send(event.id.getBytes(StandardCharsets.UTF_8), event.toBytes());
    }

    /** Sends a deletion keyed by its post's id: the post's partition, after the post. */
    static void send(KafkaEventWriter writer, DeletionEvent deletion) {
        writer.send(deletion.id.getBytes(StandardCharsets.UTF_8), deletion.toBytes());
    }
}
