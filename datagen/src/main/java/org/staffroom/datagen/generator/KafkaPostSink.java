package org.staffroom.datagen.generator;

import java.nio.charset.StandardCharsets;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * Writes generated posts to a Kafka topic as JSON lines, keyed by post id (so that a post and its
 * redeliveries share a partition), through datagen's one {@link KafkaEventWriter}: records reach
 * each partition in the order written (event-time order) and a retried send is not duplicated.
 */
public final class KafkaPostSink implements PostSink {
    private final KafkaEventWriter writer;
    private final ByteText value = new ByteText(1024);
    private final Timestamps timestamps = new Timestamps();

    public KafkaPostSink(String bootstrapServers, String topic) {
        this.writer = new KafkaEventWriter(bootstrapServers, topic);
    }

    @Override
    public void write(GeneratedPost post) {
        value.clear();
        JsonLines.encode(post, value, timestamps);
        writer.send(Long.toString(post.id).getBytes(StandardCharsets.US_ASCII), value.toByteArray());
    }

    /** Waits until every post is acknowledged, then lets the producer go. */
    @Override
    public void close() {
        try {
            writer.finish();
        } finally {
            writer.close();
        }
    }
}
