package org.staffroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.staffroom.ClockPosts;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.PostEvent;

/**
 * The shaded cluster jar, exactly as {@code package} built it, on a real Flink 2.2 standalone session cluster (a
 * JobManager and a TaskManager JVM with 2 slots, started as Flink's scripts start them, see
 * {@link StandaloneFlinkCluster}), against a real Kafka broker and a real PostgreSQL: submitted once through the
 * REST API ({@code /jars/upload}, {@code /jars/{id}/run}) and once with {@code flink run -d} (CliFrontend), each
 * with parallelism 2 into a database of its own, each giving exactly the hand-computed rows.
 *
 * <p>The REST submission runs first, on a JobManager that has seen no job yet: a later one fails today (see
 * {@link #aSecondJobOfTheJarOnTheSameJobManagerWritesTheSameRows}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Duration JOB_LIMIT = Duration.ofMinutes(3);
    private static final Duration CLIENT_LIMIT = Duration.ofMinutes(2);
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    private static ClusterStack stack;
    private static StandaloneFlinkCluster cluster;
    private static String topic;

    /**
     * A #UKEdChat evening, Thursday 2025-01-09 (winter: the 20:00 UK session is 20:00–20:30Z), over two
     * partitions, with one broken record. By hand (contract §2):
     * <ul>
     *   <li>session / ukedchat 30m 20:00: c1 original with a link (alice, 100 followers), c2 a reply mentioning
     *       alice_t with a question (bob, 50), c3 a retweet (carol, 30): posts 3, one each of original, reply,
     *       retweet; link 1, mention 1, brokering 3 (link, mention, retweet), questions 1, participants 3,
     *       contributors 2 (carol only retweeted), all new, reach 180;</li>
     *   <li>ukedchat 30m 20:30: c4 (bob, 60 followers now), an original with the co-tag edchat: returning 1, reach
     *       60, outside the session;</li>
     *   <li>ukedchat 1d: the four posts; reach 100 + max(50, 60) + 30 = 190;</li>
     *   <li>edchat 30m 20:30 and 1d: c4 alone, new, reach 60;</li>
     *   <li>the broken record (partition 0, offset 2) is rejected as not valid JSON.</li>
     * </ul>
     */
    private static final List<byte[]> PARTITION_0 = List.of(
            PostEvent.of("c1", "2025-01-09T20:01:00Z", "alice").handle("alice_t").followers(100)
                    .text("Welcome to #UKEdChat! Tonight: feedback https://eef.org.uk").toBytes(),
            PostEvent.of("c2", "2025-01-09T20:05:00Z", "bob").followers(50).replyTo("c1")
                    .text("@alice_t Q1: does marking help? #ukedchat").toBytes(),
            "{\"id\": \"c9\", \"createdAt\": \"2025-01-09T20:06:00Z\", \"author\": {\"id\": \"dave\""
                    .getBytes(StandardCharsets.UTF_8));
    private static final List<byte[]> PARTITION_1 = List.of(
            PostEvent.of("c3", "2025-01-09T20:10:00Z", "carol").followers(30).retweetOf("c1").hashtags("UKEdChat")
                    .toBytes(),
            PostEvent.of("c4", "2025-01-09T20:40:00Z", "bob").followers(60).text("Thanks all #ukedchat #edchat")
                    .toBytes());

    private static final String HASHTAG_METRICS = "SELECT hashtag, window_size, window_start, window_end, posts, "
            + "originals, retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, questions, "
            + "participants, contributors, new_participants, returning_participants, reach, link_ratio::float8, "
            + "mention_ratio::float8, retweet_ratio::float8, reply_ratio::float8, brokering_ratio::float8, is_final "
            + "FROM hashtag_window_metrics ORDER BY hashtag, window_size, window_start";
    private static final String SESSION_METRICS = "SELECT chat_id, hashtag, session_start, session_end, posts, "
            + "originals, retweets, replies, quotes, with_link, with_mention, with_cotag, brokering, questions, "
            + "participants, contributors, new_participants, returning_participants, retained_from_previous, reach, "
            + "link_ratio::float8, mention_ratio::float8, retweet_ratio::float8, reply_ratio::float8, "
            + "brokering_ratio::float8, is_final FROM chat_session_metrics ORDER BY chat_id, session_start";

    @BeforeAll
    static void startEverything() throws Exception {
        stack = ClusterStack.start("standalone-cluster", Map.of());
        cluster = stack.cluster;
        topic = "edu.posts.cluster";
        stack.kafka.createTopic(topic, 2);
        try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), topic)) {
            writer.write(0, PARTITION_0);
            writer.write(1, PARTITION_1);
            // the bounded runs leave windows the input cuts short open: these end them
            writer.write(0, List.of(ClockPosts.ahead(0)));
            writer.write(1, List.of(ClockPosts.ahead(1)));
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theJarUploadedAndRunThroughTheRestApiWritesTheHandComputedRows() throws Exception {
        String db = stack.database("staffroom_rest");
        String jarId = cluster.rest.uploadJar(stack.jar);
        String jobId = cluster.rest.runJar(jarId, jobArgs("cluster-rest", db), 2);

        JsonNode job = awaitFinished(jobId);

        assertRunsWithParallelism2(job);
        assertHandComputedRows(db);
        stack.assertPasswordInNoLog();
    }

    @Test
    @Order(2)
    void theJarSubmittedWithFlinkRunDetachedWritesTheSameRows() throws Exception {
        String db = stack.database("staffroom_cli");
        List<String> command = new ArrayList<>(List.of(StandaloneFlinkCluster.java()));
        command.addAll(StandaloneFlinkCluster.envJavaOpts());
        command.addAll(StandaloneFlinkCluster.logSettings(cluster.logDir.resolve("flink-run.log"), cluster.confDir));
        command.addAll(List.of("-classpath", ClusterClasspath.asArgument(cluster.classpath),
                StandaloneFlinkCluster.CLI_CLASS, "run", "-d", "-m", "localhost:" + cluster.restPort, "-p", "2",
                stack.jar.toString()));
        command.addAll(jobArgs("cluster-cli", db));
        Path out = cluster.logDir.resolve("flink-run.out");
        ProcessBuilder client = new ProcessBuilder(command).directory(cluster.dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        client.environment().put("FLINK_CONF_DIR", cluster.confDir.toString());
        Process p = client.start();
        try {
            assertThat(p.waitFor(CLIENT_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("flink run -d returned within %s", CLIENT_LIMIT).isTrue();
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        String output = Files.readString(out);
        assertThat(p.exitValue()).as("exit code of flink run -d; its output:\n%s", output).isZero();
        Matcher submitted = SUBMITTED.matcher(output);
        assertThat(submitted.find()).as("a job id in the output of flink run -d:\n%s", output).isTrue();

        JsonNode job = awaitFinished(submitted.group(1));

        assertRunsWithParallelism2(job);
        assertHandComputedRows(db);
        stack.assertPasswordInNoLog();
    }

    /**
     * A second job of the jar on the same JobManager: its main() (run in the JobManager for REST
     * submissions) must not depend on java.sql.DriverManager, which keeps the PostgreSQL driver of the
     * first job's class loader and refuses it to later ones ("No suitable driver found").
     */
    @Test
    @Order(3)
    void aSecondJobOfTheJarOnTheSameJobManagerWritesTheSameRows() throws Exception {
        String db = stack.database("staffroom_rest_again");
        String jarId = cluster.rest.uploadJar(stack.jar);
        String jobId = cluster.rest.runJar(jarId, jobArgs("cluster-rest-again", db), 2);

        JsonNode job = awaitFinished(jobId);

        assertRunsWithParallelism2(job);
        assertHandComputedRows(db);
        stack.assertPasswordInNoLog();
    }

    private static List<String> jobArgs(String groupId, String jdbcUrl) {
        return List.of("--bootstrap-servers", stack.kafka.bootstrapServers(), "--topic", topic, "--group-id", groupId,
                "--starting-offsets", "earliest", "--bounded", "--jdbc-url", jdbcUrl,
                "--jdbc-user", ClusterStack.JOB_USER, "--jdbc-password-file", stack.passwordFile.toString(),
                "--checkpoint-interval", "2s");
    }

    private static JsonNode awaitFinished(String jobId) throws Exception {
        long start = System.nanoTime();
        try {
            JsonNode job = cluster.rest.awaitFinished(jobId, JOB_LIMIT);
            System.out.printf("job %s FINISHED %d ms after submission%n", jobId,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return job;
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.diagnostics(), e);
        }
    }

    /** The job as the cluster ran it: the windows operators, and every other vertex, with parallelism 2. */
    private static void assertRunsWithParallelism2(JsonNode job) {
        assertThat(job.path("name").asText()).isEqualTo("staffroom");
        Map<String, Integer> parallelism = new LinkedHashMap<>();
        job.path("vertices").forEach(v -> parallelism.put(v.path("name").asText(), v.path("parallelism").asInt()));
        for (String operator : List.of("Source: posts", "hashtag-windows", "chat-sessions", "chat-weeks")) {
            assertThat(parallelism).as("vertices of the job").anySatisfy((name, p) -> {
                assertThat(name).contains(operator);
                assertThat(p).as("parallelism of %s", name).isEqualTo(2);
            });
        }
        assertThat(parallelism.values()).as("parallelism of every vertex: %s", parallelism).containsOnly(2);
    }

    private static void assertHandComputedRows(String db) throws SQLException {
        assertThat(rows(db, SESSION_METRICS)).containsExactly(
                "chat_id=ukedchat|hashtag=ukedchat|session_start=2025-01-09 20:00:00+00|"
                        + "session_end=2025-01-09 20:30:00+00|posts=3|originals=1|retweets=1|replies=1|quotes=0|"
                        + "with_link=1|with_mention=1|with_cotag=0|brokering=3|questions=1|participants=3|"
                        + "contributors=2|new_participants=3|returning_participants=0|retained_from_previous=0|"
                        + "reach=180|link_ratio=0.3333333333333333|mention_ratio=0.3333333333333333|"
                        + "retweet_ratio=0.3333333333333333|reply_ratio=0.3333333333333333|brokering_ratio=1|"
                        + "is_final=t");
        assertThat(rows(db, HASHTAG_METRICS)).containsExactly(
                "hashtag=edchat|window_size=1d|window_start=2025-01-09 00:00:00+00|window_end=2025-01-10 00:00:00+00|"
                        + "posts=1|originals=1|retweets=0|replies=0|quotes=0|with_link=0|with_mention=0|with_cotag=1|"
                        + "brokering=0|questions=0|participants=1|contributors=1|new_participants=1|"
                        + "returning_participants=0|reach=60|link_ratio=0|mention_ratio=0|retweet_ratio=0|"
                        + "reply_ratio=0|brokering_ratio=0|is_final=t",
                "hashtag=edchat|window_size=30m|window_start=2025-01-09 20:30:00+00|window_end=2025-01-09 21:00:00+00|"
                        + "posts=1|originals=1|retweets=0|replies=0|quotes=0|with_link=0|with_mention=0|with_cotag=1|"
                        + "brokering=0|questions=0|participants=1|contributors=1|new_participants=1|"
                        + "returning_participants=0|reach=60|link_ratio=0|mention_ratio=0|retweet_ratio=0|"
                        + "reply_ratio=0|brokering_ratio=0|is_final=t",
                "hashtag=ukedchat|window_size=1d|window_start=2025-01-09 00:00:00+00|window_end=2025-01-10 00:00:00+00|"
                        + "posts=4|originals=2|retweets=1|replies=1|quotes=0|with_link=1|with_mention=1|with_cotag=1|"
                        + "brokering=3|questions=1|participants=3|contributors=2|new_participants=3|"
                        + "returning_participants=0|reach=190|link_ratio=0.25|mention_ratio=0.25|retweet_ratio=0.25|"
                        + "reply_ratio=0.25|brokering_ratio=0.75|is_final=t",
                "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:00:00+00|window_end=2025-01-09 20:30:00+00|"
                        + "posts=3|originals=1|retweets=1|replies=1|quotes=0|with_link=1|with_mention=1|with_cotag=0|"
                        + "brokering=3|questions=1|participants=3|contributors=2|new_participants=3|"
                        + "returning_participants=0|reach=180|link_ratio=0.3333333333333333|"
                        + "mention_ratio=0.3333333333333333|retweet_ratio=0.3333333333333333|"
                        + "reply_ratio=0.3333333333333333|brokering_ratio=1|is_final=t",
                "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:30:00+00|window_end=2025-01-09 21:00:00+00|"
                        + "posts=1|originals=1|retweets=0|replies=0|quotes=0|with_link=0|with_mention=0|with_cotag=1|"
                        + "brokering=0|questions=0|participants=1|contributors=1|new_participants=0|"
                        + "returning_participants=1|reach=60|link_ratio=0|mention_ratio=0|retweet_ratio=0|"
                        + "reply_ratio=0|brokering_ratio=0|is_final=t");
        assertThat(rows(db, "SELECT scope_key, window_start, kind, rank, account, posts FROM top_accounts "
                + "WHERE scope = 'session' ORDER BY scope_key, kind, rank")).containsExactly(
                "scope_key=ukedchat|window_start=2025-01-09 20:00:00+00|kind=contributor|rank=1|account=alice_t|posts=1",
                "scope_key=ukedchat|window_start=2025-01-09 20:00:00+00|kind=contributor|rank=2|account=bob|posts=1",
                "scope_key=ukedchat|window_start=2025-01-09 20:00:00+00|kind=mentioned|rank=1|account=alice_t|posts=1");
        byte[] broken = PARTITION_0.get(2);
        assertThat(rows(db, "SELECT topic, \"partition\", \"offset\", payload, payload_bytes, "
                + "reason LIKE 'not valid JSON%' AS not_json FROM rejected_posts")).containsExactly(
                "topic=" + topic + "|partition=0|offset=2|payload=" + new String(broken, StandardCharsets.UTF_8)
                        + "|payload_bytes=" + broken.length + "|not_json=t");
        assertThat(rows(db, "SELECT * FROM late_posts")).isEmpty();
    }

    /** Every row of a query as "col=value|col=value", in the query's order, timestamps in UTC. */
    private static List<String> rows(String url, String sql) throws SQLException {
        return stack.rows(url, sql);
    }
}
