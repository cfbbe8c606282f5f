package org.staffroom.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.staffroom.embedded.Database;
import org.staffroom.embedded.SupportServices;
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

    private final SupportServices services = SupportServices.builder(SchemaMigrations::apply).start();

    private Infrastructure() {
    }

    static Infrastructure start() {
        return new Infrastructure();
    }

    String bootstrapServers() {
        return services.kafka().bootstrapServers();
    }

    void createTopic(String name, int partitions) {
        services.kafka().createTopic(name, partitions);
    }

    /** The postmaster's PID, whose processes' CPU a measurement reads. */
    long postgresPid() {
        return services.postgres().pid();
    }

    /** A new database with the schema applied by the job's own migrations. */
    Database newDatabase(String purpose) {
        return services.database("bench_" + purpose + "_" + NEXT.incrementAndGet());
    }

    /** The job options that point at the broker and at {@code db}. */
    List<String> connectionArgs(String topic, String groupId, Database db) {
        return List.of("--bootstrap-servers", bootstrapServers(), "--topic", topic, "--group-id", groupId,
                "--jdbc-url", db.url(), "--jdbc-user", db.user(),
                "--jdbc-password-file", services.passwordFile().toString());
    }

    /** Rows in each output table. */
    static Map<String, Long> rowCounts(Database db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : OUTPUT_TABLES) {
            counts.put(table, rowCount(db, table));
        }
        return counts;
    }

    /**
     * Rows inserted and updated in each table that was written, by PostgreSQL's statistics: each
     * upsert statement counts one, so the figures show what coalescing in the sinks saved and which
     * table's rows cost the most. Read once the job's connections are closed, which flushes their
     * statistics.
     */
    static Map<String, Long> rowWrites(Database db) throws SQLException {
        Map<String, Long> writes = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT relname, n_tup_ins + n_tup_upd FROM pg_stat_user_tables"
                        + " WHERE n_tup_ins + n_tup_upd > 0 ORDER BY 2 DESC, 1")) {
            while (rs.next()) {
                writes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return writes;
    }

    static long rowCount(Database db, String table) throws SQLException {
        return single(db, "SELECT count(*) FROM " + table);
    }

    private static long single(Database db, String query) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
