package org.staffroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling: what one machine can do with the same input without Flink. Plain KafkaConsumers read
 * the whole topic from the beginning and Jackson-parse every value into a tree (the first thing the
 * job's parser does), with the partitions split evenly over {@code threads} consumers.
 */
final class CeilingConsumer {
    private CeilingConsumer() {}

    record Result(int threads, long records, long bytes, double seconds, double cpuSeconds) {
        double postsPerSecond() {
            return records / seconds;
        }
    }

    static Result measure(String bootstrapServers, String topic, int threads) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> probe = consumer(bootstrapServers)) {
            for (PartitionInfo p : probe.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        List<List<TopicPartition>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            shares.get(i % threads).add(partitions.get(i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (List<TopicPartition> share : shares) {
                results.add(pool.submit(() -> readAll(bootstrapServers, share, ready, go)));
            }
            ready.await();
            ResourceMeter meter = ResourceMeter.start(null);
            long started = System.nanoTime();
            go.countDown();
            long records = 0;
            long bytes = 0;
            for (Future<long[]> f : results) {
                long[] r = f.get();
                records += r[0];
                bytes += r[1];
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ResourceMeter.Usage usage = meter.stop();
            return new Result(threads, records, bytes, seconds, usage.cpuSeconds());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads its partitions to their end offsets; returns {records, bytes}. */
    private static long[] readAll(String bootstrapServers, List<TopicPartition> share, CountDownLatch ready,
            CountDownLatch go) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.assign(share);
            consumer.seekToBeginning(share);
            Map<TopicPartition, Long> end = consumer.endOffsets(share);
            for (TopicPartition tp : share) {
                consumer.position(tp); // resolves the seek before the clock starts
            }
            ready.countDown();
            go.await();
            long records = 0;
            long bytes = 0;
            long sink = 0;
            while (!done(consumer, end)) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    JsonNode node = mapper.readTree(r.value());
                    sink += node.size();
                    records++;
                    bytes += r.serializedValueSize();
                }
            }
            if (sink == 42) {
                System.err.print(""); // keeps the parse from being optimised away
            }
            return new long[] {records, bytes};
        }
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "staffroom-bench-ceiling");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
