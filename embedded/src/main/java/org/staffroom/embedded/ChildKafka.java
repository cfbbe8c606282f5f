package org.staffroom.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka 4 (KRaft, one process acting as broker and controller) in a child JVM,
 * which a test can stop and start again on the same ports with the same data: a broker that goes
 * away and comes back, as a real one does on a rolling restart or a crash.
 *
 * <p>The child is {@code java -cp <this JVM's class path> kafka.Kafka server.properties} (the
 * {@code -cp} in an argument file: {@code java @classpath.args kafka.Kafka ...}), after the
 * storage was formatted once with {@code kafka.tools.StorageTool format --standalone
 * --cluster-id <id> --config server.properties} (a dynamic KRaft quorum with this node as its
 * only voter). The two ports (client and controller listener) are chosen once, outside the
 * kernel's ephemeral port range, so that neither an outgoing connection of another process nor a
 * client reconnecting to the stopped broker can take them; the data directory is kept across
 * restarts and deleted by {@link #close()}.
 *
 * <p>The child logs warnings and errors only (Log4j 2, configured by a file passed with
 * {@code -Dlog4j2.configurationFile}); its output is copied, line by line, to this JVM's
 * {@code System.err} with a {@code [kafka-child]} prefix. {@link #stop()} sends SIGTERM (Kafka
 * shuts down cleanly on it) and kills the process only if it has not exited within a deadline.
 * A shutdown hook stops the child if this JVM exits without {@link #close()}; a JVM killed with
 * SIGKILL cannot run it, and its broker keeps running.
 *
 * <p>Unlike {@link EmbeddedKafka}, which runs the broker inside this JVM and cannot restart it,
 * this costs a JVM start (a few seconds) per {@link #start()}.
 */
public final class ChildKafka implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int OUTPUT_LINES_KEPT = 200;
    private static final int NODE_ID = 1;
    private static final String PREFIX = "[kafka-child] ";

    private final Path baseDirectory;
    private final Path serverProperties;
    private final Path log4jProperties;
    private final Path classpathArgs;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Deque<String> recentOutput = new ArrayDeque<>();
    private final Thread shutdownHook;
    private boolean formatted;
    private Process process;
    private Thread outputPump;
    private boolean closed;

    /**
     * Prepares a broker with the class path of this JVM; nothing runs until {@link #start()}.
     *
     * @throws IllegalStateException if {@code kafka.Kafka} is not on this JVM's class path
     */
    public ChildKafka() {
        this(System.getProperty("java.class.path"));
    }

    /**
     * Prepares a broker that runs on {@code classpath} (which must hold {@code kafka_2.13} and its
     * dependencies); nothing runs until {@link #start()}.
     */
    public ChildKafka(String classpath) {
        requireKafkaOn(classpath);
        try {
            this.baseDirectory = Files.createTempDirectory("staffroom-child-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        try {
            int[] ports = FreePorts.pick(2);
            this.brokerPort = ports[0];
            this.controllerPort = ports[1];
            this.serverProperties = baseDirectory.resolve("server.properties");
            this.log4jProperties = baseDirectory.resolve("log4j2.properties");
            this.classpathArgs = baseDirectory.resolve("classpath.args");
            // java's argument file syntax: a quoted token, backslashes escaped
            Files.writeString(classpathArgs, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n",
                    StandardCharsets.UTF_8);
            Files.createDirectories(baseDirectory.resolve("data"));
            Files.writeString(serverProperties, serverProperties(), StandardCharsets.UTF_8);
            Files.writeString(log4jProperties, log4jProperties(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            EmbeddedKafka.deleteRecursively(baseDirectory);
            throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
        }
        this.shutdownHook = new Thread(this::close, "child-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Prepares and starts a broker on this JVM's class path; it is stopped if the start fails. */
    public static ChildKafka started() {
        ChildKafka kafka = new ChildKafka();
        try {
            kafka.start();
            return kafka;
        } catch (RuntimeException | Error e) {
            try {
                kafka.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private String serverProperties() {
        String listeners = "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort;
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        props.put("listeners", listeners);
        props.put("advertised.listeners", listeners);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", baseDirectory.resolve("data").toString());
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        StringBuilder out = new StringBuilder("# written by org.staffroom.embedded.ChildKafka\n");
        // Properties#store would escape the colons: harmless, but this file is meant to be read
        props.forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }

    private static String log4jProperties() {
        return String.join("\n",
                "# the child broker: warnings and errors only, on stdout (copied to the parent's stderr)",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.target = SYSTEM_OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.out.ref = out",
                // warnings that every fresh single-node cluster gives, on start and on stop
                "logger.quorum.name = org.apache.kafka.controller.QuorumController",
                "logger.quorum.level = ERROR",
                "logger.network.name = org.apache.kafka.clients.NetworkClient",
                "logger.network.level = ERROR",
                "");
    }

    /**
     * Formats the storage on the first call, then starts the broker and returns once it accepts
     * clients and every existing topic's partitions answer ListOffsets. After {@link #stop()}, the
     * broker comes back on the same ports with the same data. A running broker is left alone.
     */
    public synchronized void start() {
        checkOpen();
        if (isRunning()) {
            return;
        }
        if (!formatted) {
            format();
            formatted = true;
        }
        synchronized (recentOutput) {
            recentOutput.clear();
        }
        List<String> command = java(List.of("kafka.Kafka", serverProperties.toString()));
        try {
            process = new ProcessBuilder(command).directory(baseDirectory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker: " + String.join(" ", command), e);
        }
        outputPump = pump(process.getInputStream(), true, "child-kafka-output-" + process.pid());
        try {
            awaitReady();
        } catch (RuntimeException e) {
            try {
                stop();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Stops the broker: SIGTERM, then waits for it to exit; if it has not within 30 s, kills it.
     * Returns once the process has exited. The data stays for the next {@link #start()}.
     */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        process = null;
        try {
            running.destroy(); // SIGTERM: Kafka's own shutdown hook stops the broker cleanly
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the Kafka broker (PID " + running.pid()
                            + ") is still running after SIGKILL");
                }
            }
            outputPump.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Kafka broker", e);
        }
    }

    /** Whether the broker's process is running (it may not accept clients yet, or any more). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The PID of the running broker. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        return process.pid();
    }

    /** The {@code host:port} for {@code bootstrap.servers}; the same across restarts. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** The controller listener's port; the same across restarts. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Where the broker keeps its configuration and data (deleted on close). */
    public Path dataDirectory() {
        return baseDirectory;
    }

    /**
     * Creates a topic with one replica per partition (if it does not exist yet) and returns when
     * every partition has a leader that answers ListOffsets.
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            Topics.create(admin, name, partitions, Map.of(), TOPIC_TIMEOUT);
        }
    }

    /** Stops the broker if it runs and deletes its data. Idempotent. */
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
        try {
            stop();
        } finally {
            EmbeddedKafka.deleteRecursively(baseDirectory);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this broker is closed");
        }
    }

    /** {@code kafka.tools.StorageTool format --standalone --cluster-id ID --config server.properties} */
    private void format() {
        List<String> command = java(List.of("kafka.tools.StorageTool", "format", "--standalone",
                "--cluster-id", clusterId, "--config", serverProperties.toString()));
        Process formatter;
        try {
            formatter = new ProcessBuilder(command).directory(baseDirectory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Kafka storage tool: " + String.join(" ", command), e);
        }
        // its output ("Formatting metadata directory ...") is kept for errors only
        Thread pump = pump(formatter.getInputStream(), false, "child-kafka-format-" + formatter.pid());
        try {
            if (!formatter.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                formatter.destroyForcibly();
                formatter.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("the Kafka storage tool did not finish within " + FORMAT_TIMEOUT
                        + output());
            }
            pump.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        if (formatter.exitValue() != 0) {
            throw new IllegalStateException("the Kafka storage tool failed with exit code " + formatter.exitValue()
                    + ": " + String.join(" ", command) + output());
        }
    }

    private List<String> java(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the class path (hundreds of jars in a Flink test) goes in an argument file, so that the
        // command line, as ps shows it, stays short and names the main class
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jProperties.toUri(), "@" + classpathArgs));
        command.addAll(mainAndArgs);
        return command;
    }

    /**
     * Copies a child's output, line by line, into the recent lines and (if {@code echo}) to
     * {@code System.err}; the thread ends when the child closes its output, i.e. when it exits.
     */
    private Thread pump(InputStream output, boolean echo, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (recentOutput) {
                        recentOutput.addLast(line);
                        if (recentOutput.size() > OUTPUT_LINES_KEPT) {
                            recentOutput.removeFirst();
                        }
                    }
                    if (echo) {
                        System.err.println(PREFIX + line);
                    }
                }
            } catch (IOException e) {
                // the stream closes when the process is destroyed
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private String output() {
        synchronized (recentOutput) {
            return recentOutput.isEmpty() ? " (no output)" : "; its last output:\n" + String.join("\n", recentOutput);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        // first the port, quietly: an admin client would log a warning for every refused connection
        while (!accepts(brokerPort)) {
            checkAlive();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the Kafka broker did not listen on port " + brokerPort + " within "
                        + STARTUP_TIMEOUT + output());
            }
            Topics.pause();
        }
        Exception last = null;
        try (Admin admin = admin()) {
            while (true) {
                checkAlive();
                try {
                    Set<Integer> nodes = new HashSet<>();
                    for (Node node : admin.describeCluster().nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        nodes.add(node.id());
                    }
                    if (nodes.contains(NODE_ID)) {
                        Set<String> topics = admin.listTopics().names()
                                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        if (Topics.serving(admin, topics)) {
                            return;
                        }
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the Kafka broker", e);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the Kafka broker did not serve within " + STARTUP_TIMEOUT
                            + (last == null ? "" : " (last: " + last + ")") + output(), last);
                }
                Topics.pause();
            }
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            try {
                outputPump.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                    + " while starting" + output());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "staffroom-child-kafka-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }


    /** The class path must hold {@code kafka.Kafka}, or the child fails with a less helpful message. */
    private static void requireKafkaOn(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("no class path for the Kafka broker");
        }
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path;
            try {
                path = Path.of(entry);
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (Files.isDirectory(path)) {
                if (Files.exists(path.resolve("kafka/Kafka.class"))) {
                    return;
                }
            } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry("kafka/Kafka.class") != null) {
                        return;
                    }
                } catch (IOException e) {
                    // not a readable jar: not the one
                }
            }
        }
        throw new IllegalStateException("kafka.Kafka (org.apache.kafka:kafka_2.13) is not on the class path "
                + "given for the child broker: " + classpath);
    }
}
