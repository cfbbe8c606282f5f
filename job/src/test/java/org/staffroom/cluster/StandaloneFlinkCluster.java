package org.staffroom.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Flink 2.2 standalone session cluster of one JobManager and one TaskManager with two slots, each in a JVM of
 * its own, started the way {@code bin/jobmanager.sh start-foreground} and {@code bin/taskmanager.sh
 * start-foreground} of a Flink distribution start them: a {@code config.yaml} in a conf directory, memory options
 * and dynamic {@code -D} settings computed by Flink's {@code BashJavaUtils}, the JVM options of flink-dist's
 * {@code config.yaml}, and the distribution's classes on the classpath ({@link ClusterClasspath}). Either JVM can
 * be killed with SIGKILL and started again with the same command, as a supervisor would. Only this object's own
 * processes are ever stopped.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    /**
     * {@code env.java.opts.all} of flink-dist's {@code config.yaml} (flink-dist/src/main/resources/config.yaml),
     * "required for Java 17 support".
     */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String CLI_CLASS = "org.apache.flink.client.cli.CliFrontend";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String EXEC_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    final Path dir;
    final Path confDir;
    final Path logDir;
    final List<Path> classpath;
    final int restPort;
    final FlinkRest rest;
    final List<String> jobManagerCommand;
    final List<String> taskManagerCommand;
    /** Every JVM this object started, killed ones included. */
    private final List<Daemon> daemons = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread killOnExit;
    private Daemon jobManager;
    private Daemon taskManager;
    /** TaskManagers beyond the first (their own RPC and data ports), for tests that spread a job over JVMs. */
    private final List<List<String>> moreTaskManagerCommands;
    private final List<Daemon> moreTaskManagers = new ArrayList<>();

    /** A JVM this object started, with its output file. */
    private record Daemon(String name, Process process, Path out, Path log) {}

    private StandaloneFlinkCluster(Path dir, List<Path> classpath, int restPort, List<String> jobManagerCommand,
            List<String> taskManagerCommand, List<List<String>> moreTaskManagerCommands) {
        this.dir = dir;
        this.confDir = dir.resolve("conf");
        this.logDir = dir.resolve("log");
        this.classpath = classpath;
        this.restPort = restPort;
        this.rest = new FlinkRest("http://localhost:" + restPort);
        this.jobManagerCommand = jobManagerCommand;
        this.taskManagerCommand = taskManagerCommand;
        this.moreTaskManagerCommands = moreTaskManagerCommands;
        // a test JVM that dies without close() still takes its cluster with it
        this.killOnExit = new Thread(() -> daemons.forEach(d -> d.process.destroyForcibly()), "flink-cluster-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Writes the configuration into {@code dir}, with {@code settings} (Flink options) added, starts the JobManager
     * and the TaskManager, waits for 2 slots.
     */
    static StandaloneFlinkCluster start(Path dir, List<Path> classpath, Map<String, String> settings)
            throws Exception {
        return start(dir, classpath, settings, 1);
    }

    /** As {@link #start(Path, List, Map)} with {@code taskManagers} TaskManager JVMs of 2 slots each. */
    static StandaloneFlinkCluster start(Path dir, List<Path> classpath, Map<String, String> settings,
            int taskManagers) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("log"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int[] ports = freePorts(5 + 2 * (taskManagers - 1));
        int restPort = ports[0];
        StringBuilder yaml = new StringBuilder(configYaml(ports, tmp, dir.resolve("checkpoints")));
        settings.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        try (InputStream log4j = StandaloneFlinkCluster.class.getResourceAsStream("/cluster/log4j.properties")) {
            Files.write(conf.resolve("log4j.properties"), log4j.readAllBytes());
        }

        // bin/jobmanager.sh: JVM_ARGS + jm resource params, FLINK_ENV_JAVA_OPTS, log settings; args: the dynamic
        // configs, then --configDir DIR --executionMode cluster
        ResourceParams jm = resourceParams("GET_JM_RESOURCE_PARAMS", conf, classpath);
        List<String> jmCommand = new ArrayList<>(List.of(java()));
        jmCommand.addAll(jm.jvmParams);
        jmCommand.addAll(envJavaOpts());
        jmCommand.addAll(logSettings(dir.resolve("log/jobmanager.log"), conf));
        jmCommand.addAll(List.of("-classpath", ClusterClasspath.asArgument(classpath), JOB_MANAGER_CLASS));
        jmCommand.addAll(jm.dynamicConfigs);
        jmCommand.addAll(List.of("--configDir", conf.toString(), "--executionMode", "cluster"));

        // bin/taskmanager.sh: -XX:+UseG1GC (no FLINK_ENV_JAVA_OPTS of one's own), tm resource params,
        // FLINK_ENV_JAVA_OPTS, log settings; args: --configDir DIR, then the dynamic configs
        ResourceParams tm = resourceParams("GET_TM_RESOURCE_PARAMS", conf, classpath);
        List<String> tmCommand = taskManagerCommand(dir, conf, classpath, tm, "taskmanager");
        List<List<String>> more = new ArrayList<>();
        for (int i = 1; i < taskManagers; i++) {
            List<String> command = taskManagerCommand(dir, conf, classpath, tm, "taskmanager-" + (i + 1));
            // the configuration's ports belong to the first TaskManager
            command.addAll(List.of("-D", "taskmanager.rpc.port=" + ports[3 + 2 * i],
                    "-D", "taskmanager.data.port=" + ports[4 + 2 * i]));
            more.add(command);
        }

        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, classpath, restPort, jmCommand, tmCommand,
                more);
        try {
            cluster.startJobManager();
            cluster.startTaskManager();
            for (int i = 0; i < more.size(); i++) {
                cluster.moreTaskManagers.add(cluster.launch("taskmanager-" + (i + 2), more.get(i)));
            }
            cluster.awaitFreeSlots();
            return cluster;
        } catch (Exception | Error e) {
            try {
                cluster.close();
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** bin/taskmanager.sh's command line, its log in {@code log/<name>.log}. */
    private static List<String> taskManagerCommand(Path dir, Path conf, List<Path> classpath, ResourceParams tm,
            String name) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseG1GC"));
        command.addAll(tm.jvmParams);
        command.addAll(envJavaOpts());
        command.addAll(logSettings(dir.resolve("log/" + name + ".log"), conf));
        command.addAll(List.of("-classpath", ClusterClasspath.asArgument(classpath), TASK_MANAGER_CLASS,
                "--configDir", conf.toString()));
        command.addAll(tm.dynamicConfigs);
        return command;
    }

    /** The conf directory's config.yaml, in Flink 2's standard YAML. */
    private static String configYaml(int[] ports, Path tmp, Path checkpoints) {
        return """
                # written by StandaloneClusterIT: a one-machine session cluster on free ports
                env.java.opts.all: %s
                jobmanager.bind-host: localhost
                jobmanager.rpc.address: localhost
                jobmanager.rpc.port: %d
                jobmanager.memory.process.size: 1g
                jobmanager.execution.failover-strategy: region
                taskmanager.bind-host: localhost
                taskmanager.host: localhost
                taskmanager.rpc.port: %d
                taskmanager.data.port: %d
                taskmanager.numberOfTaskSlots: 2
                taskmanager.memory.process.size: 1536m
                parallelism.default: 2
                rest.address: localhost
                rest.bind-address: localhost
                rest.port: %d
                blob.server.port: %d
                io.tmp.dirs: %s
                web.tmpdir: %s
                # the cluster's checkpoint storage: the job, given no --checkpoint-dir, finds it here when submitted
                execution.checkpointing.dir: %s
                """.formatted(String.join(" ", JAVA_17_OPTIONS), ports[1], ports[2], ports[3], ports[0], ports[4],
                tmp, tmp.resolve("web"), checkpoints.toUri());
    }

    /** FLINK_ENV_JAVA_OPTS as config.sh builds it from env.java.default-opts.all (unset) and env.java.opts.all. */
    static List<String> envJavaOpts() {
        List<String> opts = new ArrayList<>(List.of("-XX:+IgnoreUnrecognizedVMOptions"));
        opts.addAll(JAVA_17_OPTIONS);
        return opts;
    }

    /** The log settings of flink-daemon.sh / flink-console.sh / bin/flink. */
    static List<String> logSettings(Path logFile, Path confDir) {
        return List.of("-Dlog.file=" + logFile,
                "-Dlog4j.configuration=file:" + confDir.resolve("log4j.properties"),
                "-Dlog4j.configurationFile=file:" + confDir.resolve("log4j.properties"),
                "-Dlogback.configurationFile=file:" + confDir.resolve("logback.xml"));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Both lines of a BashJavaUtils resource command: JVM parameters, and dynamic configs for the entry point. */
    private record ResourceParams(List<String> jvmParams, List<String> dynamicConfigs) {}

    /**
     * Runs {@code BashJavaUtils CMD --configDir DIR} as bash-java-utils.sh does and splits its two
     * {@code BASH_JAVA_UTILS_EXEC_RESULT:} lines on spaces, as the scripts do.
     */
    private static ResourceParams resourceParams(String command, Path conf, List<Path> classpath) throws Exception {
        Process p = new ProcessBuilder(java(), "-classpath", ClusterClasspath.asArgument(classpath), BASH_JAVA_UTILS,
                command, "--configDir", conf.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("BashJavaUtils " + command + " did not end:\n" + output);
        }
        List<String> results = output.lines().filter(l -> l.startsWith(EXEC_RESULT))
                .map(l -> l.substring(EXEC_RESULT.length()).trim()).toList();
        if (p.exitValue() != 0 || results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + command + " exited with " + p.exitValue()
                    + " and " + results.size() + " result lines (expected 2):\n" + output);
        }
        return new ResourceParams(split(results.get(0)), split(results.get(1)));
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Starts a JobManager JVM (again, after {@link #killJobManager()}: same command, ports and storage). */
    void startJobManager() throws IOException {
        jobManager = launch("jobmanager", jobManagerCommand);
    }

    /** Starts a TaskManager JVM (again, after {@link #killTaskManager()}), as a supervisor replaces a lost one. */
    void startTaskManager() throws IOException {
        taskManager = launch("taskmanager", taskManagerCommand);
    }

    /** SIGKILLs the JobManager JVM: no shutdown hook, no clean-up; returns its pid once it is gone. */
    long killJobManager() throws InterruptedException {
        return kill(jobManager);
    }

    /** SIGKILLs the TaskManager JVM: no shutdown hook, no clean-up; returns its pid once it is gone. */
    long killTaskManager() throws InterruptedException {
        return kill(taskManager);
    }

    private static long kill(Daemon d) throws InterruptedException {
        if (!d.process.isAlive()) {
            throw new IllegalStateException("the " + d.name + " (pid " + d.process.pid() + ") had already exited with "
                    + d.process.exitValue());
        }
        // Process.destroyForcibly() is SIGKILL on Linux
        d.process.destroyForcibly();
        if (!d.process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the " + d.name + " (pid " + d.process.pid() + ") outlived SIGKILL for "
                    + STOP_LIMIT);
        }
        return d.process.pid();
    }

    /** Every JVM of one role shares its output and log file: a replacement appends to them. */
    private Daemon launch(String name, List<String> command) throws IOException {
        Path out = logDir.resolve(name + ".out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(devNull())).start();
        Daemon daemon = new Daemon(name, process, out, logDir.resolve(name + ".log"));
        daemons.add(daemon);
        return daemon;
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Polls {@code /overview} until every TaskManager is registered and all their slots are free (after a
     * JobManager restart: the tasks of the lost JobManager's job are gone); fails early if a JVM died.
     */
    void awaitFreeSlots() throws Exception {
        int taskManagers = 1 + moreTaskManagers.size();
        int slots = 2 * taskManagers;
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        String last = "no answer yet";
        while (true) {
            for (Daemon d : current()) {
                if (!d.process.isAlive()) {
                    throw new IllegalStateException("the " + d.name + " exited with " + d.process.exitValue()
                            + " while the cluster was waiting for free slots\n" + diagnostics());
                }
            }
            try {
                JsonNode overview = rest.get("/overview");
                last = overview.toString();
                if (overview.path("taskmanagers").asInt() == taskManagers && overview.path("slots-total").asInt() == slots
                        && overview.path("slots-available").asInt() == slots) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not offer " + slots + " free slots within "
                        + STARTUP_LIMIT + "; last /overview: " + last + "\n" + diagnostics());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** The last lines of the JobManager's and the TaskManager's output and log, for failure messages. */
    String diagnostics() {
        StringBuilder sb = new StringBuilder();
        for (Daemon d : current()) {
            sb.append(tail(d.out, 30)).append(tail(d.log, 60));
        }
        return sb.toString();
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "---- " + file + " (last " + lines + " lines)\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "---- " + file + ": " + e + "\n";
        }
    }

    /** Free TCP ports on localhost, all different. */
    private static int[] freePorts(int n) throws IOException {
        Set<Integer> ports = new HashSet<>();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            while (ports.size() < n) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    /** PIDs of the cluster's current JVMs by name, for the report. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        pids.put(jobManager.name, jobManager.process.pid());
        pids.put(taskManager.name, taskManager.process.pid());
        moreTaskManagers.forEach(d -> pids.put(d.name, d.process.pid()));
        return pids;
    }

    /**
     * Stops the JVMs it started, the latest first: the TaskManager, then the JobManager, each with SIGTERM (Flink's shutdown hooks run), forcibly after
     * {@link #STOP_LIMIT}; fails if one of them is still alive after that.
     */
    @Override
    public void close() {
        List<String> alive = new ArrayList<>();
        boolean interrupted = false;
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Daemon d = daemons.get(i);
            d.process.destroy();
            try {
                if (!d.process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    d.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                d.process.destroyForcibly();
            }
            if (d.process.isAlive()) {
                alive.add(d.name + " (pid " + d.process.pid() + ")");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException("still running after stop: " + alive);
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    /** The JVMs of the cluster now: the JobManager and the TaskManagers. */
    private List<Daemon> current() {
        List<Daemon> current = new ArrayList<>(List.of(jobManager, taskManager));
        current.addAll(moreTaskManagers);
        return current;
    }

    /** Whether every JVM the cluster started has exited. */
    boolean allExited() {
        return daemons.stream().noneMatch(d -> d.process.isAlive());
    }
}
