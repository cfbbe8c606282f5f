package org.staffroom.datagen.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes raw record values to a topic, in order and acknowledged by the broker. Values are bytes
 * rather than events so that testers can write malformed records too.
 */
public final class KafkaEventWriter implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public KafkaEventWriter(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 << 20));
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Writes the values to one partition, in this order, and waits until all are acknowledged. */
    public void write(int partition, List<byte[]> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
        for (byte[] value : values) {
            sent.add(producer.send(new ProducerRecord<>(topic, partition, null, value)));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing to " + topic, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
