package org.staffroom.datagen.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes posts to a Kafka topic, keyed by post id, so that a post and its redeliveries share a
 * partition. One idempotent producer with large batches: records reach each partition in the
 * order written (event-time order) and a retried send is not duplicated.
 */
public final class KafkaPostSink implements PostSink {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Callback onCompletion;
    private final ByteText value = new ByteText(1024);
    private final Timestamps timestamps = new Timestamps();
    private volatile Exception failure;
    private long written;

    public KafkaPostSink(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 << 10));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000"); // an unreachable broker fails within half a minute
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "staffroom-datagen");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.onCompletion = (metadata, exception) -> {
            if (exception != null && failure == null) {
                failure = exception;
            }
        };
    }

    @Override
    public void write(GeneratedPost post) throws IOException {
        check();
        byte[] key = Long.toString(post.id).getBytes(StandardCharsets.US_ASCII);
        try {
            value.clear();
            JsonLines.encode(post, value, timestamps);
            producer.send(new ProducerRecord<>(topic, key, value.toByteArray()), onCompletion);
        } catch (RuntimeException e) {
            throw new IOException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
        written++;
    }

    /** Records handed to the producer so far. */
    public long written() {
        return written;
    }

    /** Waits until every record written so far is acknowledged. */
    public void flush() throws IOException {
        producer.flush();
        check();
    }

    @Override
    public void close() throws IOException {
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
        check();
    }

    private void check() throws IOException {
        Exception f = failure;
        if (f != null) {
            throw new IOException("cannot write to " + topic + ": " + f.getMessage(), f);
        }
    }
}
