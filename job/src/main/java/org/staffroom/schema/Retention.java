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
 * {@code --keep}, which would otherwise grow for ever. Run by the schema's owner, since the job's
 * role may not delete: {@code java -cp staffroom-job.jar org.staffroom.schema.Retention --keep 30d}.
 */
@Command(name = "staffroom-retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deletes rows older than --keep from rejected_posts and late_posts (by received_at) and "
                + "dead_letters (by refused_at), in batches. Run it as the schema's owner.")
public final class Retention implements Callable<Integer> {

    /** A log table and the column whose age decides: when the job read the record, or when PostgreSQL refused it. */
    record Log(String table, String timeColumn) {}

    static final List<Log> LOGS = List.of(
            new Log("rejected_posts", "received_at"),
            new Log("late_posts", "received_at"),
            new Log("dead_letters", "refused_at"));

    @CommandLine.Mixin
    JdbcOptions jdbc;

    @Option(names = "--keep", defaultValue = "30d", converter = Durations.class, paramLabel = "DURATION",
            description = "Rows younger than this, by the database's clock, stay (default: ${DEFAULT-VALUE}).")
    Duration keep;

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
        if (keep.isNegative() || keep.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--keep must be positive, got " + Durations.format(keep));
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size must be at least 1, got " + batchSize);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = jdbc.connect()) {
            c.setAutoCommit(true);
            Instant cutoff = databaseNow(c).minus(keep);
            for (Log log : LOGS) {
                long deleted = deleteBefore(c, log, cutoff, batchSize);
                out.printf("staffroom-retention: %s: %d row(s) with %s before %s deleted%n",
                        log.table(), deleted, log.timeColumn(), cutoff);
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

    /**
     * Deletes in transactions of at most {@code batchSize} rows (autocommit), by physical row id since
     * dead_letters has no key, until none is left before the cutoff; returns how many went.
     */
    private static long deleteBefore(Connection c, Log log, Instant cutoff, int batchSize) throws SQLException {
        String sql = "DELETE FROM " + log.table() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + log.table()
                + " WHERE " + log.timeColumn() + " < ? LIMIT ?))";
        long total = 0;
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            delete.setInt(2, batchSize);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted > 0);
        }
        return total;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Retention()).execute(args));
    }
}
