package org.staffroom.platforms.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes post events to a Kafka topic: the one producer of the project, behind datagen's
 * {@code generate} and {@code replay}, the import, the collectors, the benchmark's preload and the
 * tests' writes. Values are bytes rather than events, so that testers can write malformed
 * records too.
 *
 * <ul>
 *   <li>Large batches sent a little later: {@code linger.ms=10}, {@code batch.size=512 KiB},
 *       {@code buffer.memory=128 MiB}; compression as chosen ({@code none} unless told otherwise).</li>
 *   <li>Safety kept: {@code acks=all} and idempotence (no duplicates or reordering from retries
 *       within a partition, at most 5 requests in flight).</li>
 *   <li>Records keyed by post id go to the partition of their key (a post and its redeliveries
 *       share one), or round-robin, or to a partition named by the caller.</li>
 *   <li>Every send has a callback: the first failure is kept, the next {@link #send} or
 *       {@link #finish} throws it, and {@link #finish} checks that every record sent was
 *       acknowledged.</li>
 * </ul>
 */
public final class KafkaEventWriter implements RecordSink {
    /** The longest wait for metadata (an unreachable broker) unless told otherwise. */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(30);

    /** How records are spread over partitions. */
    public enum Partitioning {
        /** Kafka's default partitioner: by the hash of the key (the post id); key-less records sticky. */
        KEY,
        /** Partition {@code i mod n} for the {@code i}-th record sent: even, and deterministic. */
        ROUND_ROBIN
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Partitioning partitioning;
    private final int partitions;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Callback callback = this::completed;
    private long sent;

    /** Uncompressed, keyed by post id. */
    public KafkaEventWriter(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, "none", Partitioning.KEY);
    }

    public KafkaEventWriter(String bootstrapServers, String topic, String compression, Partitioning partitioning) {
        this(bootstrapServers, topic, compression, partitioning, Map.of(), DEFAULT_MAX_BLOCK);
    }

    /**
     * @param overrides producer settings applied last (security settings for a real cluster,
     *                  experiments with batching); they may also undo the safety settings
     * @param maxBlock  the longest wait for metadata (an unreachable broker) before failing
     */
    public KafkaEventWriter(String bootstrapServers, String topic, String compression, Partitioning partitioning,
                            Map<String, String> overrides, Duration maxBlock) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "staffroom-datagen");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        // a request holds several batches; one record may be up to 4 MiB (the broker has the last word)
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 << 20));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlock.toMillis()));
        props.putAll(overrides);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.partitioning = partitioning;
        int n;
        try {
            // fails fast, with a clear message, when the broker is unreachable
            List<PartitionInfo> info = producer.partitionsFor(topic);
            n = info.size();
            awaitLeadersServing(bootstrapServers, overrides, info, maxBlock);
        } catch (KafkaException | DeliveryException e) {
            producer.close(Duration.ZERO);
            if (e instanceof DeliveryException r) {
                throw r;
            }
            throw new DeliveryException("cannot reach topic " + topic + " at " + bootstrapServers + " within "
                    + maxBlock.toMillis() + " ms: " + describe(e), e);
        }
        this.partitions = n;
    }

    /**
     * Waits until the leader of every partition answers a request for its latest offset.
     *
     * <p>A partition just created (by an admin, or auto-created by {@link KafkaProducer#partitionsFor})
     * is in the metadata a moment before its leader serves it. An idempotent producer with several
     * requests in flight can then see its first batch refused (NOT_LEADER_OR_FOLLOWER) and its second
     * accepted; the first batch's retries then fail with OUT_OF_ORDER_SEQUENCE_NUMBER until the
     * delivery timeout expires it (KAFKA-15591, KAFKA-14312, KAFKA-19880; fixed in later brokers).
     * A ListOffsets request is answered by the same leader state as a produce request, so once
     * every partition answers one, the first batches are not refused.
     */
    private static void awaitLeadersServing(String bootstrapServers, Map<String, String> overrides,
                                            List<PartitionInfo> info, Duration maxBlock) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (PartitionInfo p : info) {
            latest.put(new TopicPartition(p.topic(), p.partition()), OffsetSpec.latest());
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBlock.toMillis()));
        Map<String, Object> config = new HashMap<>();
        // the connection settings (security.*, sasl.*, ssl.*) given for the producer serve the admin too
        overrides.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "staffroom-datagen-admin");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        try (Admin admin = Admin.create(config)) {
            admin.listOffsets(latest).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for the partitions' leaders", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new DeliveryException("the leaders of " + latest.keySet() + " do not answer within "
                    + maxBlock.toMillis() + " ms: " + describe(cause), cause);
        }
    }

    @Override
    public void send(byte[] key, byte[] value) {
        send(partitioning == Partitioning.ROUND_ROBIN ? (int) (sent % partitions) : null, key, value);
    }

    /** Writes the values to one partition, in this order and without keys, and waits until all are acknowledged. */
    public void write(int partition, List<byte[]> values) {
        for (byte[] value : values) {
            send(partition, null, value);
        }
        finish();
    }

    private void send(Integer partition, byte[] key, byte[] value) {
        checkFailure();
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value), callback);
        } catch (KafkaException | IllegalStateException e) {
            throw new DeliveryException("cannot send record " + (sent + 1) + " to " + topic + ": " + describe(e), e);
        }
        sent++;
    }

    private void completed(RecordMetadata metadata, Exception e) {
        if (e == null) {
            acked.increment();
        } else {
            failed.increment();
            failure.compareAndSet(null, e);
        }
    }

    private void checkFailure() {
        Exception e = failure.get();
        if (e != null) {
            throw new DeliveryException("Kafka did not acknowledge a record sent to " + topic + " ("
                    + failed.sum() + " failed so far, " + acked.sum() + " acknowledged): " + describe(e), e);
        }
    }

    @Override
    public void finish() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new DeliveryException("cannot flush the records sent to " + topic + ": " + describe(e), e);
        }
        checkFailure();
        long a = acked.sum();
        if (a != sent) {
            throw new DeliveryException("only " + a + " of " + sent + " records sent to " + topic + " were acknowledged");
        }
    }

    @Override
    public long acknowledged() {
        return acked.sum();
    }

    /** The number of partitions of the topic. */
    public int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
