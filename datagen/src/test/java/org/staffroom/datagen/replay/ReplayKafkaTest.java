package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.platforms.publish.DeliveryException;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.embedded.EmbeddedKafka;

/** Replays into a real broker and reads back with a consumer. One broker for the class. */
class ReplayKafkaTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String topic(String name, int partitions) {
        kafka.createTopic(name, partitions);
        return name;
    }

    private ReplaySummary replay(ReplayOptions.Builder options) {
        ReplayOptions o = options.bootstrapServers(kafka.bootstrapServers()).build();
        try (KafkaEventWriter writer = o.kafkaWriter()) {
            ReplaySummary summary = new Replay(o, writer, Pacer.Clock.SYSTEM, null).run();
            assertThat(summary.acknowledged).isEqualTo(summary.sent());
            return summary;
        }
    }

    /** Every record of the topic, by partition, in offset order; exactly {@code expected} of them. */
    static Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(String topic, long expected) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            assertThat(end.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long read = 0;
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
                    read++;
                }
            }
            assertThat(read).isEqualTo(expected);
        }
        return out;
    }

    static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void shuffledDeliveryRespectsTheBoundAsAConsumerSeesIt() throws IOException {
        List<String> lines = SyntheticPosts.lines(10_000, 21, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        String topic = topic("shuffled", 1);
        ReplaySummary s = replay(ReplayOptions.builder(file).topic(topic).shuffleWithin(BOUND).seed(1));
        List<String> consumed = values(readAll(topic, s.sent()).get(0));

        assertThat(ReplayFaultsTest.counts(consumed)).isEqualTo(ReplayFaultsTest.counts(lines));
        assertThat(consumed).isNotEqualTo(lines);
        assertThat(ReplayFaultsTest.maxDisorderMillis(consumed)).isLessThan(BOUND.toMillis());
    }

    @Test
    void duplicatesAndKeysAsAConsumerSeesThem() throws IOException {
        List<String> lines = SyntheticPosts.lines(4_000, 22, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        String topic = topic("duplicated", 3);
        ReplaySummary s = replay(ReplayOptions.builder(file).topic(topic).duplicate(0.25).seed(2));
        assertThat(s.duplicatesSent).isEqualTo(1_000);

        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = readAll(topic, 5_000);
        assertThat(byPartition).hasSize(3);
        List<String> all = new ArrayList<>();
        byPartition.values().forEach(records -> {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                all.add(value);
                // keyed by the post id: both deliveries of a post in the same partition
                assertThat(value).contains("\"id\":\"" + new String(r.key(), StandardCharsets.UTF_8) + "\"");
            }
        });
        Map<String, Integer> counts = ReplayFaultsTest.counts(all);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(counts.values().stream().filter(n -> n == 2).count()).isEqualTo(1_000);
        assertThat(counts.values()).allMatch(n -> n == 1 || n == 2);
    }

    @Test
    void malformedRecordsAsAConsumerSeesThem() throws IOException {
        List<String> lines = SyntheticPosts.lines(3_000, 23, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        String topic = topic("malformed", 2);
        ReplaySummary s = replay(ReplayOptions.builder(file).topic(topic).malformed(0.1).seed(3));
        assertThat(s.malformedSent).isEqualTo(300);

        List<String> good = new ArrayList<>();
        int rejected = 0;
        for (List<ConsumerRecord<byte[], byte[]>> records : readAll(topic, 3_300).values()) {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (ContractCheck.rejection(r.value()) == null) {
                    good.add(new String(r.value(), StandardCharsets.UTF_8));
                } else {
                    rejected++;
                }
            }
        }
        assertThat(rejected).isEqualTo(300);
        assertThat(good).containsExactlyInAnyOrderElementsOf(lines);
    }

    @Test
    void theSameSeedGivesTheSameTopicContents() throws IOException {
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), 3_000, 24, 1_000);
        List<List<String>> runs = new ArrayList<>();
        for (String name : new String[] {"seed-a", "seed-b"}) {
            String topic = topic(name, 3);
            ReplaySummary s = replay(ReplayOptions.builder(file).topic(topic).seed(77).duplicate(0.1).malformed(0.05)
                    .shuffleWithin(BOUND).partitioning(KafkaEventWriter.Partitioning.ROUND_ROBIN));
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> all = readAll(topic, s.sent());
            List<String> flat = new ArrayList<>();
            all.forEach((p, records) -> flat.addAll(values(records).stream().map(v -> p + ":" + v).toList()));
            runs.add(flat);
            // round-robin: an even spread
            assertThat(all.values()).allSatisfy(records -> assertThat(records.size()).isBetween(1_100, 1_200));
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void theCommandReplaysAndPrintsItsSummary() throws IOException {
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), 2_000, 25, 1_000);
        String topic = topic("command", 2);
        ReplayCommandTest.Run r = ReplayCommandTest.run(file.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic", topic, "--duplicate", "0.01", "--malformed", "0.02", "--shuffle-within", "30s",
                "--seed", "5", "--progress-interval", "50ms");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("records read:        2,000")
                .contains("good sent:           2,000")
                .contains("duplicates:          20")
                .contains("malformed inserted:  40 (")
                .contains("total sent:          2,060 to command, 2,060 acknowledged")
                .containsPattern("elapsed: +\\d+\\.\\d\\d s")
                .containsPattern("rate: +[\\d,]+ records/s")
                .contains("seed:                5");
        // progress lines, if the replay lasted long enough for one, have the documented shape
        assertThat(r.err().lines().filter(l -> l.startsWith("replay:")).toList()).allSatisfy(line -> assertThat(line)
                .matches("replay: [\\d,]+ sent, [\\d,]+ records/s, \\d+\\.\\d% read, (\\d\\d:\\d\\d:\\d\\d left|time left unknown)"));
        assertThat(readAll(topic, 2_060)).hasSize(2);
    }

    @Test
    void aRecordTheBrokerRefusesFailsTheReplayLoudly() throws IOException {
        // 2 MiB of incompressible text: more than the broker's 1 MiB message limit
        byte[] noise = new byte[1_500_000];
        new Random(1).nextBytes(noise);
        String huge = "{\"id\":\"huge\",\"text\":\"" + Base64.getEncoder().encodeToString(noise) + "\"}";
        List<String> lines = new ArrayList<>(SyntheticPosts.lines(100, 26, 1_000));
        lines.add(50, huge);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        String topic = topic("refused", 1);

        ReplayCommandTest.Run r = ReplayCommandTest.run(file.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic", topic, "--compression", "none", "--progress-interval", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("replay failed: Kafka did not acknowledge a record sent to refused").contains("RecordTooLargeException");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreachableBrokerIsAClearError() {
        assertThatThrownBy(() -> new KafkaEventWriter("localhost:1", "edu.posts", "none",
                KafkaEventWriter.Partitioning.KEY, Map.of(), Duration.ofMillis(500)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("cannot reach topic edu.posts at localhost:1");
    }

    @Test
    void pacedReplayKeepsTheOrderAndSendsEverything() throws IOException {
        // 200 posts over ~2 s of event time at 20x: about 0.1 s of pacing, no fixed waits in the test
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), 200, 27, 10);
        String topic = topic("paced", 1);
        ReplaySummary s = replay(ReplayOptions.builder(file).topic(topic).speed(20));
        assertThat(values(readAll(topic, 200).get(0))).isEqualTo(Files.readAllLines(file));
        assertThat(s.withoutEventTime).isZero();
    }
}
