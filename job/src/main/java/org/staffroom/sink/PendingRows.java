package org.staffroom.sink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the next batch, at most one per key: a later row of a key takes the earlier one's
 * place where the table would let it overwrite it ({@link UpsertStatement#supersedes}). A batch is
 * one transaction, so nobody could have seen the earlier row; while the job catches up, a window's
 * open row and its final row often meet in one batch, and one statement is saved.
 */
final class PendingRows<T> {
    private final UpsertStatement<T> statement;
    private final Map<List<Object>, T> byKey = new LinkedHashMap<>();
    private int received;

    PendingRows(UpsertStatement<T> statement) {
        this.statement = statement;
    }

    void add(T row) throws SQLException {
        received++;
        byKey.merge(statement.keyOf(row), row, (earlier, later) -> supersedes(later, earlier) ? later : earlier);
    }

    private boolean supersedes(T later, T earlier) {
        try {
            return statement.supersedes(later, earlier);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of " + statement.table, e);
        }
    }

    /** Distinct keys: what the batch will write. */
    int size() {
        return byKey.size();
    }

    /** Rows handed in since the last clear, including those a later row replaced. */
    int received() {
        return received;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    List<T> rows() {
        return new ArrayList<>(byKey.values());
    }

    void clear() {
        byKey.clear();
        received = 0;
    }
}
