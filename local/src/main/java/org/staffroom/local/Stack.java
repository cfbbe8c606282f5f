package org.staffroom.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.staffroom.RestartLoopWatch;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.options.JdbcOptions;
import org.staffroom.schema.SchemaMigrations;

/** The running parts: broker, database (embedded or the user's), and a local Flink cluster. */
final class Stack implements AutoCloseable {
    static final String TOPIC = "edu.posts";
    private static final String DATABASE = "staffroom";

    private final Console console;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private final Database database;
    private final Path passwordFile;
    /** Flink's checkpoints: under --data-dir (kept, like the database), else a temporary directory. */
    private final Path checkpoints;
    private final boolean temporaryCheckpoints;
    private final int parallelism;
    private MiniCluster flink;
    private boolean closed;

    private Stack(Console console, EmbeddedKafka kafka, EmbeddedPostgres postgres, Database database,
            Path passwordFile, Path checkpoints, boolean temporaryCheckpoints, int parallelism) {
        this.console = console;
        this.kafka = kafka;
        this.postgres = postgres;
        this.database = database;
        this.passwordFile = passwordFile;
        this.checkpoints = checkpoints;
        this.temporaryCheckpoints = temporaryCheckpoints;
        this.parallelism = parallelism;
    }

    /** @param external the user's database, or null for an embedded one (data in {@code dataDir} if given) */
    static Stack start(Console console, JdbcOptions external, Path dataDir, int parallelism) throws Exception {
        console.line("starting Kafka (KRaft, one node)");
        EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedPostgres postgres = null;
        try {
            kafka.createTopic(TOPIC, parallelism);
            Database database;
            if (external == null) {
                console.line("starting PostgreSQL" + (dataDir == null ? "" : " with its data in " + dataDir));
                postgres = EmbeddedPostgres.start(dataDir);
                createDatabase(postgres);
                database = new Database("jdbc:postgresql://localhost:" + postgres.port() + "/" + DATABASE,
                        postgres.user(), postgres.password());
            } else {
                database = new Database(external.url(), external.user(), external.password());
            }
            console.line("applying the schema to " + database.url());
            SchemaMigrations.apply(database.url(), database.user(), database.password());
            Path passwordFile = Files.createTempFile("staffroom-local", ".pw");
            Files.writeString(passwordFile, database.password() == null ? "" : database.password());
            Path checkpoints = dataDir == null ? Files.createTempDirectory("staffroom-checkpoints-")
                    : Files.createDirectories(dataDir.toAbsolutePath().resolve("flink-checkpoints"));
            return new Stack(console, kafka, postgres, database, passwordFile, checkpoints, dataDir == null,
                    parallelism);
        } catch (Exception | Error e) {
            if (postgres != null) {
                postgres.close();
            }
            kafka.close();
            throw e;
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Database database() {
        return database;
    }

    /** The job's options for this stack: everything in the topic, bounded, into this database. */
    List<String> jobArgs() {
        return new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic", TOPIC,
                "--group-id", "staffroom-local", "--starting-offsets", "earliest", "--bounded",
                "--jdbc-url", database.url(), "--jdbc-user", database.user(),
                "--jdbc-password-file", passwordFile.toString(), "--parallelism", String.valueOf(parallelism),
                "--checkpoint-interval", "5s", "--checkpoint-dir", checkpoints.toUri().toString()));
    }

    /** Runs the job on a local Flink with its web UI until it has processed everything in the topic. */
    void runJob(List<String> args, int webPort) throws Exception {
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        Configuration conf = StaffroomJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, webPort);
        flink = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        flink.start();
        int restPort = flink.getRestAddress().get().getPort();
        console.line("Flink web UI: http://localhost:" + restPort);

        // submitted over REST like any client would; the classes are already on this JVM's classpath
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, restPort);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        RestartLoopWatch restarts = RestartLoopWatch.of(conf);
        env.registerJobListener(restarts);
        StaffroomJob.build(env, config);
        console.line("running the job until every post in the topic is processed and written");
        long started = System.nanoTime();
        JobClient job = env.executeAsync("staffroom-local");
        job.getJobExecutionResult().get();
        console.line(String.format("job finished in %.1f s; restarts: %d", (System.nanoTime() - started) / 1e9,
                restarts.failuresOf(job.getJobID())));
    }

    void printConnections(Console out) {
        out.line("Kafka: " + kafka.bootstrapServers() + " (topic " + TOPIC + ")");
        if (postgres != null) {
            out.line("PostgreSQL: psql -h localhost -p " + postgres.port() + " -U " + postgres.user() + " -d "
                    + DATABASE + "   (no password needed)");
        } else {
            out.line("PostgreSQL: " + database.url());
        }
        if (flink != null) {
            try {
                out.line("Flink web UI: http://localhost:" + flink.getRestAddress().get().getPort());
            } catch (Exception e) {
                out.line("Flink web UI: unavailable (" + e.getMessage() + ")");
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (flink != null) {
                flink.close();
            }
        } catch (Exception e) {
            console.line("stopping Flink: " + e.getMessage());
        }
        try {
            Files.deleteIfExists(passwordFile);
            if (temporaryCheckpoints) {
                FileUtils.deleteDirectory(checkpoints.toFile());
            }
        } catch (Exception e) {
            console.line("removing " + passwordFile + " and " + checkpoints + ": " + e.getMessage());
        }
        if (postgres != null) {
            postgres.close();
        }
        kafka.close();
    }

    /** Where the rows go. */
    record Database(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
