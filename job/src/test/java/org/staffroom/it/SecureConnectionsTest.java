package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.InstantiationUtil;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.PostEvent;
import org.staffroom.sink.ChatsTable;

/** Kafka client properties and JDBC TLS settings reach the clients; their secrets appear nowhere. */
class SecureConnectionsTest extends StackTest {
    private static final String SECRET = "pa55-W0rd-never-shown";

    @Test
    void kafkaPropertiesReachTheConsumerAndTheirSecretsAreNeverLogged(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("client.properties");
        // PLAINTEXT, so the SASL login is carried but unused by the test broker
        Files.writeString(props, "security.protocol=PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"staffroom\" password=\"" + SECRET + "\";\n");
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, List.of(PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").hashtags("edchat").toBytes()));

        StringWriter log = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        WriterAppender capture = WriterAppender.newBuilder().setName("capture").setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n%throwable").build()).build();
        capture.start();
        LoggerConfig root = context.getConfiguration().getRootLogger();
        // everything the job and its clients say at INFO goes to the capture, not the console
        Appender console = root.getAppenders().get("console");
        root.removeAppender("console");
        root.addAppender(capture, Level.ALL, null);
        Configurator.setRootLevel(Level.INFO);
        Configurator.setLevel("org.apache.kafka", Level.INFO);
        try {
            stack.runJob(topic, db, "--kafka-properties", props.toString());
        } finally {
            Configurator.setRootLevel(Level.WARN);
            Configurator.setLevel("org.apache.kafka", Level.WARN);
            root.removeAppender("capture");
            root.addAppender(console, null, null);
            context.updateLoggers();
            capture.stop();
        }

        assertThat(stack.rows(db, "SELECT hashtag, posts FROM hashtag_window_metrics WHERE window_size = '1d'"))
                .containsExactly("hashtag=edchat|posts=1");
        assertThat(log.toString()).as("the consumer got the property").contains("sasl.jaas.config = [hidden]")
                .doesNotContain(SECRET);
        StaffroomConfig config = StaffroomConfig.of("--kafka-properties", props.toString());
        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain(SECRET);
        assertThat(StaffroomConfig.parse("--help").message).doesNotContain(SECRET);
    }

    @Test
    void theDatabasePasswordIsReadOnTheTaskManagersNotCarriedInTheJobGraph(@TempDir Path dir) throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        String password = "job-" + java.util.UUID.randomUUID();
        try (java.sql.Connection c = stack.postgres.dataSource().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE ROLE graph_job LOGIN PASSWORD '" + password + "' IN ROLE staffroom_writer");
        }
        Path passwordFile = dir.resolve("jdbc-password");
        Files.writeString(passwordFile, password);
        String[] login = {"--jdbc-user", "graph_job", "--jdbc-password-file", passwordFile.toString()};
        StaffroomConfig config = stack.config(topic, db, login);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StaffroomJob.flinkConfiguration(config));
        StaffroomJob.build(env, config);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        String serialized = new String(InstantiationUtil.serializeObject(graph), StandardCharsets.ISO_8859_1);

        assertThat(serialized).as("where the password is travels").contains(config.jdbc().passwordSource().file());
        assertThat(serialized).as("the password does not").doesNotContain(password);
        // and the sinks still log in: the TaskManager reads the file
        stack.write(topic, 0, List.of(PostEvent.of("1", "2025-01-09T20:01:00Z", "alice").hashtags("edchat").toBytes()));
        stack.runJob(topic, db, login);
        assertThat(stack.rows(db, "SELECT hashtag, posts FROM hashtag_window_metrics WHERE window_size = '1d'"))
                .containsExactly("hashtag=edchat|posts=1");
    }

    @Test
    void aPropertiesFileThatCannotBeReadIsReportedWithoutItsContent(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("broken.properties");
        Files.writeString(props, "sasl.jaas.config=" + SECRET + "\\u00zz\n");
        assertThat(StaffroomConfig.parse("--kafka-properties", props.toString()).message)
                .contains("--kafka-properties " + props + " cannot be read as a properties file")
                .doesNotContain(SECRET);
    }

    @Test
    void theJdbcTlsModeIsAppliedAndAFailureNamesNoSecret(@TempDir Path dir) throws Exception {
        String db = stack.database();
        Path password = dir.resolve("pw");
        Files.writeString(password, SECRET);
        StaffroomConfig required = StaffroomConfig.of("--jdbc-url", db, "--jdbc-user", stack.postgres.user(),
                "--jdbc-password-file", password.toString(), "--jdbc-ssl-mode", "require");
        // the embedded server has no TLS: requiring it must fail, so the setting reached the driver
        assertThatThrownBy(() -> ChatsTable.mirror(required.jdbc(), required.chatCalendar()))
                .hasMessageContaining("SSL").satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
        StaffroomConfig plain = StaffroomConfig.of("--jdbc-url", db, "--jdbc-user", stack.postgres.user(),
                "--jdbc-password-file", password.toString(), "--jdbc-ssl-mode", "disable");
        ChatsTable.mirror(plain.jdbc(), plain.chatCalendar());
        assertThat(stack.rows(db, "SELECT count(*) AS n FROM chats")).containsExactly("n=3");
        assertThat(StaffroomConfig.parse("--jdbc-ssl-mode", "sometimes").message)
                .contains("--jdbc-ssl-mode must be one of [disable, allow, prefer, require, verify-ca, verify-full]");
    }
}
