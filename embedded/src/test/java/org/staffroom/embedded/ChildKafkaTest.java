package org.staffroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ChildKafkaTest {

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsData() throws Exception {
        Path data;
        ProcessHandle first;
        ProcessHandle second;
        try (ChildKafka kafka = ChildKafka.started()) {
            data = kafka.dataDirectory();
            String bootstrap = kafka.bootstrapServers();
            assertThat(bootstrap).matches("localhost:\\d+");
            first = ProcessHandle.of(kafka.pid()).orElseThrow();
            assertThat(first.info().commandLine().orElse("")).contains("kafka.Kafka");

            kafka.createTopic("posts", 2);
            kafka.createTopic("posts", 2); // already there: no error
            produce(bootstrap, 0, 6);
            List<String> before = consume(bootstrap, "before", 6);
            assertThat(before).containsExactly("p0:0", "p0:2", "p0:4", "p1:1", "p1:3", "p1:5");

            kafka.stop();
            assertThat(first.isAlive()).as("the broker process has exited").isFalse();
            assertThat(kafka.isRunning()).isFalse();
            kafka.stop(); // already stopped: nothing to do
            assertThat(data.resolve("data")).isDirectory();

            kafka.start();
            second = ProcessHandle.of(kafka.pid()).orElseThrow();
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);

            // what was written before the stop is still there, and the topic takes more
            produce(bootstrap, 6, 10);
            assertThat(consume(bootstrap, "after", 10)).containsExactly(
                    "p0:0", "p0:2", "p0:4", "p0:6", "p0:8", "p1:1", "p1:3", "p1:5", "p1:7", "p1:9");
        }
        assertThat(second.isAlive()).isFalse();
        assertThat(data).doesNotExist();
    }

    @Test
    void startFailsWithAClearMessageWhenKafkaIsNotOnTheClassPath() {
        assertThatThrownBy(() -> new ChildKafka("/nonexistent.jar"))
                .hasMessageContaining("kafka.Kafka")
                .hasMessageContaining("/nonexistent.jar");
    }

    @Test
    void freePortsAreDistinctAndOutsideTheEphemeralRange() {
        int[] ports = FreePorts.pick(3);
        assertThat(ports).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(ports).boxed()).allSatisfy(p -> assertThat(p).isBetween(1024, 32767));
    }

    private static void produce(String bootstrap, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>("posts", i % 2, null, "p" + (i % 2) + ":" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every record of both partitions, partition 0 first, each in offset order. */
    private static List<String> consume(String bootstrap, String group, int expected) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(new TopicPartition("posts", 0), new TopicPartition("posts", 1)));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        List<String> values = new ArrayList<>();
        received.stream().filter(r -> r.partition() == 0).forEach(r -> values.add(r.value()));
        received.stream().filter(r -> r.partition() == 1).forEach(r -> values.add(r.value()));
        return values;
    }
}
