package org.staffroom.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, one process acting as broker and controller) running inside
 * this JVM.
 *
 * <p>Kafka's own cluster test kit is used rather than a {@code kafka.Kafka} child JVM: it binds
 * its listeners to ports the operating system picks (so parallel builds never collide), formats
 * the storage itself and stops the broker deterministically on {@link #close()}, with no
 * process to leak if the test JVM dies. Its data lives in a temporary directory that is deleted
 * on close. The internal topics are configured for a single replica and the group coordinator
 * does not delay the first rebalance, so consumers start reading at once.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final String TEST_KIT_THREAD_PREFIX = "kafka-cluster-test-kit-";

    /**
     * The login of the test kit's SASL/PLAIN listener (a user of its server-side JAAS section), for
     * clients of {@link #startWithSaslPlain()}.
     */
    public static final String SASL_PLAIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"plain-admin\" password=\"plain-admin-secret\";";

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final String bootstrapServers;
    private final Map<String, String> clientSecurity;
    private final Admin admin;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDirectory, Map<String, String> clientSecurity) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.bootstrapServers = cluster.bootstrapServers();
        this.clientSecurity = Map.copyOf(clientSecurity);
        Map<String, Object> adminConfig = new java.util.HashMap<>(clientSecurity);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "staffroom-embedded-admin");
        this.admin = Admin.create(adminConfig);
        // a JVM that exits without close() (the local stack on Ctrl-C) still removes the data
        this.shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Formats and starts a new single-node cluster; returns once the broker accepts clients. */
    public static EmbeddedKafka start() {
        return start(SecurityProtocol.PLAINTEXT);
    }

    /**
     * As {@link #start()}, with clients authenticated by SASL/PLAIN ({@link #clientSecurity()}). The
     * test kit puts the broker's login in a JAAS file named by this JVM's
     * {@code java.security.auth.login.config}; it has no client section, so a client logs in only
     * with a {@code sasl.jaas.config} of its own.
     */
    public static EmbeddedKafka startWithSaslPlain() {
        return start(SecurityProtocol.SASL_PLAINTEXT);
    }

    private static EmbeddedKafka start(SecurityProtocol protocol) {
        Path base;
        try {
            base = Files.createTempDirectory("staffroom-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(protocol)
                    // the kit authorises SASL clusters: the controller must see the broker as its super user too
                    .setControllerSecurityProtocol(protocol)
                    .setBaseDirectory(base)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setDeleteOnClose(true)
                    // the test kit turns unstable versions on by default: a real broker has them off
                    .setConfigProp("unstable.api.versions.enable", "false")
                    .setConfigProp("unstable.feature.versions.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("default.replication.factor", "1")
                    .setConfigProp("min.insync.replicas", "1")
                    .build();
            formatQuietly(cluster);
            cluster.startup();
            waitForReadyBrokers(cluster);
            return new EmbeddedKafka(cluster, base, protocol == SecurityProtocol.SASL_PLAINTEXT
                    ? Map.of("security.protocol", protocol.name, "sasl.mechanism", "PLAIN", "sasl.jaas.config", SASL_PLAIN_JAAS)
                    : Map.of());
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            deleteRecursively(base);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    /**
     * The metadata version and feature levels that {@code kafka-storage format} gives a new
     * production cluster (the test kit's default is the latest, unreleased, testing version).
     */
    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.LATEST_PRODUCTION;
        Map<String, Short> features = new TreeMap<>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            if (feature != Feature.KRAFT_VERSION) {
                features.put(feature.featureName(), feature.defaultLevel(version));
            }
        }
        return BootstrapMetadata.fromVersions(version, features, "staffroom-embedded");
    }

    /**
     * The storage formatter that the test kit runs prints its progress straight to
     * {@code System.out}, from the kit's own threads: those lines are dropped, any other
     * thread's output passes through.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream original = System.out;
        PrintStream filtered = new PrintStream(new OutputStream() {
            private boolean kitThread() {
                return Thread.currentThread().getName().startsWith(TEST_KIT_THREAD_PREFIX);
            }

            @Override
            public void write(int b) {
                if (!kitThread()) {
                    original.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!kitThread()) {
                    original.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true);
        synchronized (EmbeddedKafka.class) {
            System.setOut(filtered);
            try {
                cluster.format();
            } finally {
                System.setOut(original);
            }
        }
    }

    private static void waitForReadyBrokers(KafkaClusterTestKit cluster) throws Exception {
        // waitForReadyBrokers() has no deadline of its own: wait for it on a helper thread
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                cluster.waitForReadyBrokers();
            } catch (ExecutionException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "embedded-kafka-startup");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka broker was not ready within " + STARTUP_TIMEOUT, e);
        }
    }

    /** What a client needs besides the bootstrap servers to be let in: nothing, or the SASL login. */
    public Map<String, String> clientSecurity() {
        return clientSecurity;
    }

    /** The {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates a topic with one replica per partition (if it does not exist yet) and returns when
     * its metadata shows every partition with a leader.
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** A topic with topic-level settings, e.g. {@code max.message.bytes} for tests of oversized records. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        Topics.create(admin, name, partitions, configs, TOPIC_TIMEOUT);
    }

    /** Where the broker keeps its data (deleted on close). */
    Path dataDirectory() {
        return baseDirectory;
    }

    /** Stops the broker and controller and deletes their data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and finds this instance closed
            }
        }
        RuntimeException failure = null;
        try {
            admin.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            RuntimeException wrapped = new IllegalStateException("cannot stop the embedded Kafka broker", e);
            if (failure != null) {
                wrapped.addSuppressed(failure);
            }
            failure = wrapped;
        }
        deleteRecursively(baseDirectory);
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
