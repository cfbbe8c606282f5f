package org.staffroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.staffroom.embedded.EmbeddedKafka;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.schema.SchemaMigrations;

/**
 * The parts every measurement runs against: one real Kafka broker (KRaft, in this JVM) and one real
 * PostgreSQL 17 server (a child process), with a fresh database per job run.
 */
final class Infrastructure implements AutoCloseable {
    /** The job's output tables, counted after a run. */
    static final List<String> OUTPUT_TABLES = List.of("hashtag_window_metrics", "chat_session_metrics",
            "chat_week_metrics", "top_accounts", "late_posts", "rejected_posts");

    private static final AtomicInteger NEXT = new AtomicInteger();

    final EmbeddedKafka kafka;
    final EmbeddedPostgres postgres;
    final Path passwordFile;
    private boolean closed;

    private Infrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres, Path passwordFile) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.passwordFile = passwordFile;
    }

    static Infrastructure start() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedPostgres postgres = null;
        try {
            postgres = EmbeddedPostgres.start(null);
            Path passwordFile = Files.createTempFile("staffroom-bench", ".pw");
            Files.writeString(passwordFile, postgres.password() == null ? "" : postgres.password());
            return new Infrastructure(kafka, postgres, passwordFile);
        } catch (Exception | Error e) {
            if (postgres != null) {
                postgres.close();
            }
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new database with the schema applied by the job's own migrations. */
    Database newDatabase(String purpose) throws SQLException {
        String name = "bench_" + purpose + "_" + NEXT.incrementAndGet();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        Database db = new Database("jdbc:postgresql://localhost:" + postgres.port() + "/" + name,
                postgres.user(), postgres.password());
        SchemaMigrations.apply(db.url(), db.user(), db.password());
        return db;
    }

    /** The job options that point at the broker and at {@code db}. */
    List<String> connectionArgs(String topic, String groupId, Database db) {
        return List.of("--bootstrap-servers", bootstrapServers(), "--topic", topic, "--group-id", groupId,
                "--jdbc-url", db.url(), "--jdbc-user", db.user(), "--jdbc-password-file", passwordFile.toString());
    }

    /** Rows in each output table. */
    static Map<String, Long> rowCounts(Database db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : OUTPUT_TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(passwordFile);
        } catch (Exception e) {
            System.err.println("removing " + passwordFile + ": " + e.getMessage());
        }
        try {
            postgres.close();
        } finally {
            kafka.close();
        }
    }

    /** One database of the embedded server. */
    record Database(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
