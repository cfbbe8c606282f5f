package org.staffroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.staffroom.QueryRows;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.embedded.SupportServices;
import org.staffroom.schema.SchemaMigrations;

/**
 * What the standalone-cluster tests share: the shaded jar exactly as {@code package} built it (checked to bring
 * what a cluster lacks), a real Kafka broker, a real PostgreSQL whose databases the job writes as its own login
 * in {@code staffroom_writer} (contract §5), and a {@link StandaloneFlinkCluster} whose classpath is Flink only.
 * {@link #close()} stops everything it started.
 */
final class ClusterStack implements AutoCloseable {
    /** The job's own login role (contract §5: insert and update only), with a password nothing may show. */
    static final String JOB_USER = "staffroom_cluster_job";

    final Path jar;
    final EmbeddedKafka kafka;
    final EmbeddedPostgres postgres;
    final StandaloneFlinkCluster cluster;
    final String jobPassword;
    /** The job reads its password from here (--jdbc-password-file), never from its command line. */
    final Path passwordFile;
    private final SupportServices services;

    private ClusterStack(Path jar, SupportServices services, StandaloneFlinkCluster cluster) {
        this.jar = jar;
        this.services = services;
        this.kafka = services.kafka();
        this.postgres = services.postgres();
        this.cluster = cluster;
        this.jobPassword = services.jobPassword();
        this.passwordFile = services.passwordFile();
    }

    /**
     * Checks the jar and the cluster's classpath, then starts the broker, the database server and the cluster (in
     * {@code target/<dirName>}, emptied first, with {@code flinkSettings} added to its config.yaml).
     */
    static ClusterStack start(String dirName, Map<String, String> flinkSettings) throws Exception {
        return start(dirName, flinkSettings, 1);
    }

    /** As {@link #start(String, Map)}, with {@code taskManagers} TaskManager JVMs of 2 slots each. */
    static ClusterStack start(String dirName, Map<String, String> flinkSettings, int taskManagers) throws Exception {
        Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
        Path jar = target.resolve("staffroom-job.jar");
        assertThat(Files.isRegularFile(jar))
                .as("%s is missing: it is built by maven-shade in the package phase; run this test with "
                        + "`mvn -pl job verify` (failsafe runs it after package)", jar)
                .isTrue();
        assertThat(ClusterClasspath.missingFrom(jar)).as("classes the cluster jar must bring itself").isEmpty();
        List<Path> classpath = ClusterClasspath.load(target);
        assertThat(ClusterClasspath.jobCodeOn(classpath))
                .as("the cluster's classpath must be Flink only, or running the jar there proves nothing")
                .isEmpty();

        Path dir = target.resolve(dirName);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        SupportServices services = SupportServices.builder(SchemaMigrations::apply)
                .login(JOB_USER, "staffroom_writer").start();
        try {
            long start = System.nanoTime();
            StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(dir, classpath, flinkSettings, taskManagers);
            System.out.printf("standalone cluster up in %d ms, pids %s, REST on port %d%n  JM: %s%n  TM: %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), cluster.pids(), cluster.restPort,
                    abridged(cluster.jobManagerCommand, classpath), abridged(cluster.taskManagerCommand, classpath));
            return new ClusterStack(jar, services, cluster);
        } catch (Exception | Error e) {
            services.closeAfter(e);
            throw e;
        }
    }

    /**
     * A new database on the test server with the schema applied by the migrations the jar carries, and the job's
     * login role in the schema's writer role (created with the first database); returns its JDBC URL.
     */
    String database(String name) {
        return services.database(name).url();
    }

    /** Every row of a query as "col=value|col=value", in the query's order, timestamps in UTC. */
    List<String> rows(String url, String sql) throws SQLException {
        return QueryRows.of(url, postgres.user(), postgres.password(), sql);
    }

    /** The database password appears in no output or log of the cluster's JVMs and the client. */
    void assertPasswordInNoLog() throws IOException {
        try (Stream<Path> files = Files.list(cluster.logDir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as("%s", f).doesNotContain(jobPassword);
            }
        }
    }

    /** Stops the cluster (and checks that its JVMs exited), then the database server and the broker. */
    @Override
    public void close() throws Exception {
        try {
            cluster.close();
            assertThat(cluster.allExited()).as("JobManager and TaskManager exited").isTrue();
        } finally {
            services.close();
        }
    }

    /** A command line with its classpath elided, for the log. */
    private static String abridged(List<String> command, List<Path> classpath) {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-classpath");
        if (cp >= 0) {
            shown.set(cp + 1, "<" + classpath.size() + " jars>");
        }
        return String.join(" ", shown.stream().map(a -> a.startsWith("--add-") ? null : a)
                .filter(Objects::nonNull).toList()) + " (+ the " + StandaloneFlinkCluster.JAVA_17_OPTIONS.size()
                + " --add-opens/--add-exports options)";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
