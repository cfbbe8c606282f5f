package org.staffroom.schema;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.staffroom.options.Durations;
import org.staffroom.options.JdbcOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Deletes the rows of the job's logs (rejected_posts, late_posts, dead_letters) older than
 * {@code --keep}, which would otherwise grow for ever, and clears the raw payloads of rejected
 * records older than {@code --keep-payloads}. Run by the schema's owner, since the job's role may
 * not delete: {@code java -cp staffroom-job.jar org.staffroom.schema.Retention --keep 30d}.
 */
@Command(name = "staffroom-retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deletes rows older than --keep from rejected_posts and late_posts (by received_at) and "
                + "dead_letters (by refused_at), and clears the payloads of rejected_posts older than "
                + "--keep-payloads, in batches. Run it as the schema's owner.")
public final class Retention implements Callable<Integer> {

    /** A log table and the column whose age decides: when the job read the record, or when PostgreSQL refused it. */
    record Log(String table, String timeColumn) {}

    static final List<Log> LOGS = List.of(
            new Log("rejected_posts", "received_at"),
            new Log("late_posts", "received_at"),
            new Log("dead_letters", "refused_at"));

    /** Where a log keeps raw records: how to clear them, and which rows still hold one. */
    record Payload(Log log, String clear, String present) {}

    static final List<Payload> PAYLOADS = List.of(
            new Payload(LOGS.get(0), "payload = NULL", "payload IS NOT NULL"),
            // a rejected_posts row the database refused carries its payload among its values
            new Payload(LOGS.get(2), "row_values = row_values - 'payload'",
                    "table_name = 'rejected_posts' AND row_values -> 'payload' IS NOT NULL"));

    @CommandLine.Mixin
    JdbcOptions jdbc;

    @Option(names = "--keep", defaultValue = "30d", converter = Durations.class, paramLabel = "DURATION",
            description = "Rows younger than this, by the database's clock, stay (default: ${DEFAULT-VALUE}).")
    Duration keep;

    @Option(names = "--keep-payloads", defaultValue = "30d", converter = Durations.class, paramLabel = "DURATION",
            description = "Raw records (rejected_posts.payload, and the payloads inside dead_letters) received longer "
                    + "ago than this are cleared; the rest of their rows stays until --keep (default: ${DEFAULT-VALUE}).")
    Duration keepPayloads;

    @Option(names = "--batch-size", defaultValue = "10000", paramLabel = "N",
            description = "Rows deleted per transaction, so that no table is locked for long (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            jdbc.validate();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        requirePositive("--keep", keep);
        requirePositive("--keep-payloads", keepPayloads);
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size must be at least 1, got " + batchSize);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = jdbc.connect()) {
            c.setAutoCommit(true);
            Instant now = databaseNow(c);
            Instant cutoff = now.minus(keep);
            for (Log log : LOGS) {
                long deleted = inBatches(c, "DELETE FROM " + log.table(), log, "", cutoff, batchSize);
                out.printf("staffroom-retention: %s: %d row(s) with %s before %s deleted%n",
                        log.table(), deleted, log.timeColumn(), cutoff);
            }
            Instant payloadCutoff = now.minus(keepPayloads);
            for (Payload payload : PAYLOADS) {
                long cleared = inBatches(c, "UPDATE " + payload.log().table() + " SET " + payload.clear(),
                        payload.log(), " AND " + payload.present(), payloadCutoff, batchSize);
                out.printf("staffroom-retention: %s: %d payload(s) with %s before %s cleared%n",
                        payload.log().table(), cleared, payload.log().timeColumn(), payloadCutoff);
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("staffroom-retention: %s (SQLSTATE %s)%s%n", e.getMessage(), e.getSQLState(),
                    "42501".equals(e.getSQLState())
                            ? "; run it as the schema's owner: the job's role may not delete" : "");
            err.flush();
            return 1;
        }
    }

    // the server's clock, like refused_at's default: the operator's host may be off
    private static Instant databaseNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private void requirePositive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be positive, got " + Durations.format(value));
        }
    }

    /**
     * Runs {@code change} (a DELETE or an UPDATE of the log's table) in transactions of at most
     * {@code batchSize} rows (autocommit), by physical row id since dead_letters has no key, on rows
     * before the cutoff that match {@code andWhere}, until none is left; returns how many changed.
     */
    private static long inBatches(Connection c, String change, Log log, String andWhere, Instant cutoff,
            int batchSize) throws SQLException {
        String sql = change + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + log.table()
                + " WHERE " + log.timeColumn() + " < ?" + andWhere + " LIMIT ?))";
        long total = 0;
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            statement.setInt(2, batchSize);
            int changed;
            do {
                changed = statement.executeUpdate();
                total += changed;
            } while (changed > 0);
        }
        return total;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Retention()).execute(args));
    }
}
