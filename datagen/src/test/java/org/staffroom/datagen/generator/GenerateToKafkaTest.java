package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.DatagenCli;
import org.staffroom.embedded.EmbeddedKafka;

/** {@code datagen generate --bootstrap-servers}: the same posts as the file, keyed by id, in order. */
class GenerateToKafkaTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void writesEveryPostKeyedByIdInEventTimeOrder() {
        String topic = "edu.posts.generated";
        kafka.createTopic(topic, 1); // one partition: the whole stream's order is visible
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DatagenCli.execute(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8),
                "generate", "--weeks", "1", "--community", "300", "--rate", "20",
                "--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        GeneratorConfig same = GeneratorConfig.builder().weeks(1).community(300).rate(20).build();
        List<String> expected = GeneratedStreams.lines(GeneratedStreams.generate(same));
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, expected.size());
        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < records.size(); i++) {
            String value = new String(records.get(i).value(), StandardCharsets.UTF_8);
            assertThat(value).isEqualTo(expected.get(i));
            String id = GeneratedStreams.parse(value).id();
            assertThat(new String(records.get(i).key(), StandardCharsets.US_ASCII)).isEqualTo(id);
        }
    }

    @Test
    void theDefaultTopicIsEduPosts() {
        kafka.createTopic("edu.posts", 3);
        int code = DatagenCli.execute(new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream()),
                "generate", "-q", "--weeks", "1", "--community", "60", "--rate", "2",
                "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(code).isZero();
        GeneratorConfig same = GeneratorConfig.builder().weeks(1).community(60).rate(2).build();
        int expected = GeneratedStreams.lines(GeneratedStreams.generate(same)).size();
        assertThat(readAll("edu.posts", expected)).hasSize(expected);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // nothing beyond what was written
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
