package org.staffroom.sink;

import java.sql.SQLException;

/**
 * Whether PostgreSQL refused a statement for the data of its row, which writing it again cannot
 * change, or failed for another reason (connection lost, server shutting down or out of
 * resources, privileges), which a retry or a restart may outlast.
 */
final class RowRefusal {
    /** program_limit_exceeded: PostgreSQL 17's code for an index row too large ("index row requires 9032 bytes"). */
    private static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    private RowRefusal() {}

    /** Data exception (class 22), integrity constraint violation (class 23), or a row beyond a size limit. */
    static boolean isRefusal(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.equals(PROGRAM_LIMIT_EXCEEDED));
    }

    /** The first SQLSTATE in the chain: a failed batch reports its failing entry as the next exception. */
    static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        return null;
    }
}
