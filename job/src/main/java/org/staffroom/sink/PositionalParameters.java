package org.staffroom.sink;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * The upserts name a parameter again by its position ({@code SET posts = $7}, see
 * {@link UpsertStatement}), which needs the driver to send their SQL as written. Two settings of
 * the JDBC URL would not: preferQueryMode=simple writes the values into the text and leaves
 * {@code $7} unbound (every batch fails), and reWriteBatchedInserts merges a batch into one
 * multi-row insert, whose {@code $7} would give every row the first row's value. Both are refused
 * with a message that names them, before anything is written: at the job's start, where the chats
 * table is written, and by every sink when it connects.
 */
final class PositionalParameters {
    private PositionalParameters() {}

    static void requireStatementsAsWritten(Connection connection) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        if (pg.getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            throw new SQLException("the sinks need the extended query protocol: remove "
                    + "preferQueryMode=simple from --jdbc-url");
        }
        if (pg.getQueryExecutor().isReWriteBatchedInsertsEnabled()) {
            throw new SQLException("the sinks' upserts cannot be merged into multi-row inserts: remove "
                    + "reWriteBatchedInserts=true from --jdbc-url");
        }
    }
}
