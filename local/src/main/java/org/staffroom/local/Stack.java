package org.staffroom.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.staffroom.JobProgress;
import org.staffroom.RestartLoopWatch;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.Database;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.embedded.SupportServices;
import org.staffroom.options.JdbcOptions;
import org.staffroom.schema.SchemaMigrations;

/** The running parts: broker, database (embedded or the user's), and a local Flink cluster. */
final class Stack implements AutoCloseable {
    static final String TOPIC = "edu.posts";
    private static final String DATABASE = "staffroom";
    /** The job's login in the embedded database: a member of the schema's writer role, not its owner. */
    static final String JOB_LOGIN = "staffroom_job";
    private static final Duration PROGRESS_FIGURES_EVERY = Duration.ofSeconds(1);

    private final Console console;
    private final SupportServices services;
    /** The embedded server, or null when the rows go to the user's own database. */
    private final EmbeddedPostgres postgres;
    /** Flink's checkpoints: under --data-dir (kept, like the database), else a temporary directory. */
    private final Path checkpoints;
    private final boolean temporaryCheckpoints;
    private final int parallelism;
    private MiniCluster flink;
    private boolean closed;

    private Stack(Console console, SupportServices services, EmbeddedPostgres postgres, Path checkpoints,
            boolean temporaryCheckpoints, int parallelism) {
        this.console = console;
        this.services = services;
        this.postgres = postgres;
        this.checkpoints = checkpoints;
        this.temporaryCheckpoints = temporaryCheckpoints;
        this.parallelism = parallelism;
    }

    /** @param external the user's database, or null for an embedded one (data in {@code dataDir} if given) */
    static Stack start(Console console, JdbcOptions external, Path dataDir, int parallelism) throws IOException {
        SupportServices.Builder builder = SupportServices.builder(SchemaMigrations::apply)
                .progress(console::line).topic(TOPIC, parallelism);
        if (external == null) {
            builder.postgresDataDirectory(dataDir).database(DATABASE).login(JOB_LOGIN, "staffroom_writer");
        } else {
            builder.externalDatabase(new Database(external.url(), external.user(), external.password()));
        }
        SupportServices services = builder.start();
        try {
            Path checkpoints = dataDir == null ? Files.createTempDirectory("staffroom-checkpoints-")
                    : Files.createDirectories(dataDir.toAbsolutePath().resolve("flink-checkpoints"));
            return new Stack(console, services, external == null ? services.postgres() : null, checkpoints,
                    dataDir == null, parallelism);
        } catch (IOException | RuntimeException | Error e) {
            services.closeAfter(e);
            throw e;
        }
    }

    String bootstrapServers() {
        return services.kafka().bootstrapServers();
    }

    Database database() {
        return services.database();
    }

    /** The job's options for this stack: everything in the topic, bounded, into this database. */
    List<String> jobArgs() {
        return new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers(), "--topic", TOPIC,
                "--group-id", "staffroom-local", "--starting-offsets", "earliest", "--bounded",
                "--jdbc-url", database().url(), "--jdbc-user", services.jobUser(),
                "--jdbc-password-file", services.passwordFile().toString(), "--parallelism", String.valueOf(parallelism),
                "--checkpoint-interval", "5s", "--checkpoint-dir", checkpoints.toUri().toString()));
    }

    /** Runs the job on a local Flink with its web UI until it has processed everything in the topic. */
    void runJob(List<String> args, int webPort) throws Exception {
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        Configuration conf = StaffroomJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, webPort);
        // the progress lines' figures come with the TaskManager's heartbeats: fresh ones at every line
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, PROGRESS_FIGURES_EVERY);
        flink = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        flink.start();
        int restPort = webUiPort();
        console.line("Flink web UI: http://localhost:" + restPort);

        // submitted over REST like any client would; the classes are already on this JVM's classpath
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, restPort);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        RestartLoopWatch restarts = RestartLoopWatch.of(conf);
        env.registerJobListener(restarts);
        JobProgress progress = JobProgress.of(config, StaffroomJob.build(env, config),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        env.registerJobListener(progress);
        console.line("running the job until every post in the topic is processed and written");
        long started = System.nanoTime();
        JobClient job = env.executeAsync("staffroom-local");
        progress.finished(job.getJobExecutionResult().get());
        console.line(String.format("job finished in %.1f s; restarts: %d", (System.nanoTime() - started) / 1e9,
                restarts.failuresOf(job.getJobID())));
    }

    /** The port of the running local Flink's web UI and REST API, bound to localhost. */
    int webUiPort() throws Exception {
        return flink.getRestAddress().get().getPort();
    }

    void printConnections(Console out) {
        out.line("Kafka: " + bootstrapServers() + " (topic " + TOPIC + ")");
        if (postgres != null) {
            out.line("PostgreSQL: psql -h localhost -p " + postgres.port() + " -U " + postgres.user() + " -d "
                    + DATABASE + "   (no password needed)");
        } else {
            out.line("PostgreSQL: " + database().url());
        }
        if (flink != null) {
            try {
                out.line("Flink web UI: http://localhost:" + webUiPort());
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
            if (temporaryCheckpoints) {
                FileUtils.deleteDirectory(checkpoints.toFile());
            }
        } catch (Exception e) {
            console.line("removing " + checkpoints + ": " + e.getMessage());
        }
        services.close();
    }
}
