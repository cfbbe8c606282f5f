package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.ClockPosts;
import org.staffroom.QueryRows;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.platforms.PostEvent;
import org.staffroom.schema.SchemaMigrations;

/**
 * Issue 13 item 6, Kafka: the SASL login stays in a file that the Kafka clients read where they run
 * ({@code ${file:…}}); the job graph carries the reference, not the password, and the job reads
 * through a broker that lets in only clients with that login.
 */
class KafkaSecretsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String PASSWORD = "plain-admin-secret";

    @TempDir
    Path dir;

    @Test
    void theSaslLoginIsReadFromItsFileWhereTheClientsRunAndNeverTravelsInTheJobGraph() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startWithSaslPlain();
                EmbeddedPostgres postgres = EmbeddedPostgres.start(null)) {
            assertThat(EmbeddedKafka.SASL_PLAIN_JAAS).contains(PASSWORD);
            Path secrets = dir.resolve("kafka.secrets");
            Files.writeString(secrets, "sasl.jaas.config=" + EmbeddedKafka.SASL_PLAIN_JAAS + "\n");
            Path properties = dir.resolve("kafka.properties");
            Files.writeString(properties, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                    + "sasl.jaas.config=${file:" + secrets + ":sasl.jaas.config}\n");
            kafka.createTopic("edu.posts", 1);
            try (KafkaEventWriter writer = new KafkaEventWriter(kafka.bootstrapServers(), "edu.posts", "none",
                    KafkaEventWriter.Partitioning.KEY, kafka.clientSecurity(), KafkaEventWriter.DEFAULT_MAX_BLOCK)) {
                writer.write(0, List.of(PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").hashtags("edchat").toBytes(),
                        ClockPosts.ahead(0)));
            }
            String db = postgres.createDatabase("kafka_secrets");
            SchemaMigrations.apply(db, postgres.user(), postgres.password());
            Path jdbcPassword = dir.resolve("jdbc.pw");
            Files.writeString(jdbcPassword, postgres.password());
            StaffroomConfig config = StaffroomConfig.of("--bootstrap-servers", kafka.bootstrapServers(),
                    "--kafka-properties", properties.toString(), "--starting-offsets", "earliest", "--bounded",
                    "--jdbc-url", db, "--jdbc-user", postgres.user(), "--jdbc-password-file", jdbcPassword.toString(),
                    "--checkpoint-interval", "1s", "--parallelism", "1");

            // the file provider is declared for the reference, and nothing looks like a literal secret
            assertThat(config.kafkaProperties().values()).containsEntry("config.providers", "file")
                    .containsEntry("config.providers.file.class",
                            "org.apache.kafka.common.config.provider.FileConfigProvider");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            config.kafkaProperties().warnOfLiteralSecrets(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

            StreamExecutionEnvironment graphOnly = StreamExecutionEnvironment.getExecutionEnvironment(
                    StaffroomJob.flinkConfiguration(config));
            StaffroomJob.build(graphOnly, config);
            JobGraph graph = graphOnly.getStreamGraph().getJobGraph();
            String serialized = new String(InstantiationUtil.serializeObject(graph), StandardCharsets.ISO_8859_1);
            assertThat(serialized).as("where the login is travels").contains("${file:" + secrets + ":sasl.jaas.config}");
            assertThat(serialized).as("the login does not").doesNotContain(PASSWORD);

            // the broker lets in only clients with the login: the consumer resolved the reference
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    StaffroomJob.flinkConfiguration(config));
            StaffroomJob.build(env, config);
            JobClient job = env.executeAsync("staffroom-kafka-secrets");
            job.getJobExecutionResult().get(Duration.ofMinutes(3).toMinutes(), TimeUnit.MINUTES);
            assertThat(QueryRows.of(db, postgres.user(), postgres.password(),
                    "SELECT hashtag, posts FROM hashtag_window_metrics WHERE window_size = '1d'"))
                    .containsExactly("hashtag=edchat|posts=1");
        }
    }

    @Test
    void aSecretGivenLiterallyIsWarnedOfByItsKeyNotItsValue() throws Exception {
        Path properties = dir.resolve("literal.properties");
        Files.writeString(properties, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=" + EmbeddedKafka.SASL_PLAIN_JAAS + "\nssl.truststore.password=" + PASSWORD + "\n"
                + "ssl.keystore.password=${file:/etc/staffroom/kafka.secrets:keystore}\n");
        StaffroomConfig config = StaffroomConfig.of("--kafka-properties", properties.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        config.kafkaProperties().warnOfLiteralSecrets(new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("staffroom-job: warning: --kafka-properties "
                + properties + " gives sasl.jaas.config, ssl.truststore.password literally, so it travels in the job "
                + "graph; reference a file the Kafka client reads where it runs instead, e.g. "
                + "sasl.jaas.config=${file:/etc/staffroom/kafka.secrets:sasl.jaas.config}\n");
    }
}
