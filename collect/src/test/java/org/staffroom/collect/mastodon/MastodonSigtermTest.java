package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.collect.mastodon.TestMastodonServer.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.collect.CollectCli;
import org.staffroom.collect.TopicRecords;
import org.staffroom.collect.mastodon.TestMastodonServer.Connection;
import org.staffroom.embedded.EmbeddedKafka;

/**
 * {@code collect mastodon} in a child JVM, stopped with SIGTERM as a service manager stops it:
 * it exits 0 after saving the position of what Kafka acknowledged, though no periodic checkpoint
 * came (its interval is an hour).
 */
class MastodonSigtermTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsCleanlyWithThePositionSaved() throws Exception {
        ObjectNode s1 = status("1001", "20:01");
        ObjectNode s2 = status("1002", "20:02");
        Path state = dir.resolve("state.json");
        Path stderr = dir.resolve("collect.stderr");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); TestMastodonServer server = new TestMastodonServer()) {
            kafka.createTopic("posts", 1);
            server.streams("ukedchat", Connection.holdAfter(update(s1), update(s2)));
            Process collector = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CollectCli.class.getName(), "mastodon",
                    "--servers", server.url(), "--hashtags", "ukedchat", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--topic", "posts", "--state-file", state.toString(), "--checkpoint-interval", "1h",
                    "--progress-interval", "0")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
            try (TopicRecords topic = new TopicRecords(kafka.bootstrapServers(), "posts")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (topic.readToEnd().posts().size() < 2) {
                    assertThat(collector.isAlive()).as("the collector runs; stderr: %s", read(stderr)).isTrue();
                    assertThat(System.nanoTime()).as("both statuses in the topic within 60 s").isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                assertThat(state).doesNotExist();

                collector.destroy(); // SIGTERM

                assertThat(collector.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(collector.exitValue()).as(read(stderr)).isEqualTo(CollectCli.EXIT_OK);
            } finally {
                collector.destroyForcibly();
            }
            try (TopicRecords topic = new TopicRecords(kafka.bootstrapServers(), "posts")) {
                assertThat(topic.readToEnd().posts()).containsExactly(s1.get("uri").asText(), s2.get("uri").asText());
            }
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(state.toFile()))
                    .isEqualTo(json.readTree("{\"" + server.name() + "\": {\"ukedchat\": \"1002\"}}"));
            assertThat(read(stderr)).contains("collect mastodon: stopped; 2 seen, 2 converted, 2 kept, 0 deleted, "
                    + "0 rejected, 2 acknowledged, 0/1 streams connected; positions saved to " + state);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static ObjectNode status(String id, String time) {
        return TestStatuses.status(id, "https://school.example/users/ann/statuses/" + id,
                "2024-11-21T" + time + ":00.000Z", "ann@school.example", "school.example", 10, "Hello", "ukedchat");
    }
}
