package org.staffroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportServicesTest {

    private static final String STARTING_KAFKA = "starting Kafka (KRaft, one node)";

    /** A schema that also creates the group a job login joins, as the real migrations do. */
    private static final SupportServices.Schema NOTES = (url, user, password) -> {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY)");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'writers') THEN "
                    + "CREATE ROLE writers NOLOGIN; END IF; END $$");
        }
    };

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void noBrokerRunsInThisJvm() {
        assertThat(brokerThreads()).as("a broker left running by an earlier test").isEmpty();
    }

    @Test
    void startsBothPreparesDatabasesAndStopsEverythingItStarted() throws Exception {
        List<String> migrated = new ArrayList<>();
        SupportServices services = SupportServices.builder((url, user, password) -> {
            migrated.add(url);
            NOTES.apply(url, user, password);
        }).topic("posts", 3).database("first").login("job_login", "writers").progress(steps::add).start();
        Path passwordFile;
        Path kafkaData;
        Path postgresData;
        List<ProcessHandle> postgresProcesses = new ArrayList<>();
        try {
            String first = "jdbc:postgresql://localhost:" + services.postgres().port() + "/first";
            assertThat(steps).containsExactly(STARTING_KAFKA, "starting PostgreSQL", "applying the schema to " + first);
            assertThat(services.database()).isEqualTo(new Database(first, "postgres", "postgres"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    services.kafka().bootstrapServers()))) {
                assertThat(admin.describeTopics(Set.of("posts")).allTopicNames().get().get("posts").partitions())
                        .hasSize(3);
            }

            assertThat(services.jobUser()).isEqualTo("job_login");
            assertThat(services.jobPassword()).startsWith("pw-").hasSize(35);
            passwordFile = services.passwordFile();
            assertThat(Files.readString(passwordFile)).isEqualTo(services.jobPassword());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");

            Database second = services.database("second");
            assertThat(second.url()).isEqualTo("jdbc:postgresql://localhost:" + services.postgres().port() + "/second");
            assertThat(migrated).containsExactly(first, second.url());
            for (String url : migrated) {
                try (Connection c = DriverManager.getConnection(url, services.jobUser(), services.jobPassword());
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT current_user, pg_has_role('writers', 'MEMBER'), "
                                + "(SELECT count(*) FROM pg_tables WHERE tablename = 'notes')")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(List.of(rs.getString(1), rs.getBoolean(2), rs.getLong(3)))
                            .containsExactly("job_login", true, 1L);
                }
            }

            kafkaData = services.kafka().dataDirectory();
            postgresData = services.postgres().dataDirectory();
            ProcessHandle postmaster = ProcessHandle.of(services.postgres().pid()).orElseThrow();
            postgresProcesses.add(postmaster);
            postmaster.descendants().forEach(postgresProcesses::add);
            assertThat(brokerThreads()).isNotEmpty();
        } finally {
            services.close();
        }
        assertThat(brokerThreads()).isEmpty();
        assertThat(postgresProcesses).noneMatch(EmbeddedPostgres::isRunning);
        assertThat(List.of(passwordFile, kafkaData, postgresData)).allSatisfy(p -> assertThat(p).doesNotExist());
        services.close(); // idempotent
    }

    @Test
    void stopsTheBrokerWhenPostgresCannotStart(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("pgdata"), "a file where the data directory should be");

        assertThatThrownBy(() -> SupportServices.builder(NOTES).postgresDataDirectory(notADirectory)
                .progress(steps::add).start())
                .hasMessageContaining("cannot create the PostgreSQL data directory");

        assertThat(steps).containsExactly(STARTING_KAFKA, "starting PostgreSQL with its data in " + notADirectory);
        assertThat(brokerThreads()).as("threads of the broker that had started").isEmpty();
    }

    @Test
    void stopsBothWhenTheSchemaFails(@TempDir Path dir) {
        Path pgdata = dir.resolve("pgdata");

        assertThatThrownBy(() -> SupportServices.builder((url, user, password) -> {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE notes (");
            }
        }).postgresDataDirectory(pgdata).database("broken").start())
                .hasMessageStartingWith("cannot apply the schema to jdbc:postgresql://localhost:")
                .hasMessageEndingWith("/broken")
                .cause().hasMessageContaining("syntax error at end of input");

        assertThat(brokerThreads()).isEmpty();
        assertThat(pgdata.resolve("PG_VERSION")).as("the server had started").exists();
        assertThat(pgdata.resolve("postmaster.pid")).as("and was stopped").doesNotExist();
    }

    @Test
    void theUsersOwnDatabaseGetsTheSchemaAndNoServerIsStarted() throws Exception {
        try (EmbeddedPostgres own = EmbeddedPostgres.start(null)) {
            Database users = new Database(own.jdbcUrl(), own.user(), own.password());
            try (SupportServices services = SupportServices.builder(NOTES).externalDatabase(users)
                    .progress(steps::add).start()) {
                assertThat(steps).containsExactly(STARTING_KAFKA, "applying the schema to " + own.jdbcUrl());
                assertThat(services.database()).isEqualTo(users);
                assertThat(Files.readString(services.passwordFile())).isEqualTo(own.password());
                assertThat(services.jobUser()).isEqualTo(own.user());
                assertThatThrownBy(services::postgres).hasMessage(
                        "no embedded PostgreSQL: the database is the user's own, " + own.jdbcUrl());
                try (Connection c = users.connect(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }

    @Test
    void refusesOptionsThatDoNotGoTogetherBeforeStartingAnything() {
        Database users = new Database("jdbc:postgresql://db.example/staffroom", "staffroom", null);
        assertThatThrownBy(() -> SupportServices.builder(NOTES).externalDatabase(users).login("job", "writers")
                .progress(steps::add).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("with an external database there is no embedded PostgreSQL: a data directory, a database"
                        + " name or a login apply to the embedded server only");
        assertThatThrownBy(() -> SupportServices.builder(NOTES).database("Staffroom"))
                .hasMessage("database name must be a lower-case PostgreSQL identifier (letters, digits, _;"
                        + " at most 63): 'Staffroom'");
        assertThatThrownBy(() -> SupportServices.builder(NOTES).topic("posts", 0))
                .hasMessage("a topic needs a name and at least 1 partition: 'posts', 0");
        assertThat(steps).isEmpty();
    }

    /** A broker in this JVM listens through threads of these names; they end when it stops. */
    private static List<String> brokerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("data-plane-kafka-") || name.startsWith("kafka-0-raft-"))
                .toList();
    }
}
