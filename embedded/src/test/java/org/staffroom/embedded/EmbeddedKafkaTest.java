package org.staffroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        Path data = kafka.dataDirectory();
        kafka.close();
        assertThat(data).doesNotExist();
        kafka.close(); // idempotent
    }

    @Test
    void bootstrapServersIsALocalPortChosenAtRuntime() {
        assertThat(kafka.bootstrapServers()).matches("localhost:\\d+");
        assertThat(kafka.bootstrapServers()).isNotEqualTo("localhost:9092");
        assertThat(Files.isDirectory(kafka.dataDirectory())).isTrue();
    }

    @Test
    void runsTheLatestProductionMetadataVersion() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            var finalized = admin.describeFeatures().featureMetadata().get().finalizedFeatures();
            assertThat(finalized.get("metadata.version").maxVersionLevel())
                    .isEqualTo(MetadataVersion.LATEST_PRODUCTION.featureLevel());
        }
    }

    @Test
    void createTopicReturnsOnceEveryPartitionHasALeader() throws Exception {
        kafka.createTopic("chats", 3);
        kafka.createTopic("chats", 3); // already there: no error

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(Set.of("chats")).allTopicNames().get().get("chats");
            assertThat(description.partitions()).hasSize(3);
            assertThat(description.partitions()).allSatisfy(p -> {
                assertThat(p.leader()).isNotNull();
                assertThat(p.replicas()).hasSize(1);
            });
        }
    }

    @Test
    void producesAndConsumesOnATwoPartitionTopic() throws Exception {
        kafka.createTopic("posts", 2);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>("posts", i % 2, "k" + i, "#edchat " + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("posts"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 6 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            consumer.commitSync();
            assertThat(consumer.assignment()).containsExactlyInAnyOrder(
                    new TopicPartition("posts", 0), new TopicPartition("posts", 1));
        }

        assertThat(received).hasSize(6);
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                "#edchat 0", "#edchat 1", "#edchat 2", "#edchat 3", "#edchat 4", "#edchat 5");
        assertThat(received).allSatisfy(r -> {
            int i = Integer.parseInt(r.key().substring(1));
            assertThat(r.partition()).isEqualTo(i % 2);
        });
        // per partition, the records keep the order they were sent in
        assertThat(received.stream().filter(r -> r.partition() == 0).map(ConsumerRecord::key))
                .containsExactly("k0", "k2", "k4");
        assertThat(received.stream().filter(r -> r.partition() == 1).map(ConsumerRecord::key))
                .containsExactly("k1", "k3", "k5");
    }
}
