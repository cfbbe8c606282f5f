package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * An {@code INSERT … ON CONFLICT} built from one list of keys and one of values, so they cannot
 * drift apart. The update repeats the values as parameters instead of reading them through
 * {@code EXCLUDED}: that would need SELECT on every column, and the job's role may only insert and
 * update (contract §5).
 */
abstract class UpsertStatement<T> implements JdbcStatementBuilder<T> {
    private static final long serialVersionUID = 1L;

    /** What happens when the key is already there. */
    enum OnConflict {
        /** Rewrite the row unless it is final: a final row never changes (contract §4), whatever arrives after it. */
        KEEP_FINAL,
        /** Rewrite the row. */
        REPLACE,
        /** Keep the first row written (first delivery wins). */
        KEEP_FIRST
    }

    final String sql;
    final String table;
    private final OnConflict onConflict;
    /** Column names as they appear in JSON (unquoted): the key, then the rest as {@link #values} binds them. */
    private final List<String> keyNames;
    private final List<String> valueNames;

    /** @param stamped whether the table has an updated_at column set to now() on every write */
    UpsertStatement(String table, List<String> keys, List<String> values, OnConflict onConflict, boolean stamped) {
        this.onConflict = onConflict;
        this.table = table;
        List<String> updated = new ArrayList<>(values);
        if (onConflict == OnConflict.KEEP_FINAL) {
            updated.add("is_final");
        }
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(updated);
        String stamp = stamped ? ", updated_at" : "";
        String now = stamped ? ", now()" : "";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(stamp).append(") VALUES (")
                .append(String.join(", ", Collections.nCopies(columns.size(), "?"))).append(now)
                .append(") ON CONFLICT (").append(String.join(", ", keys)).append(") ");
        if (onConflict == OnConflict.KEEP_FIRST) {
            sql.append("DO NOTHING");
        } else {
            sql.append("DO UPDATE SET ")
                    .append(updated.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")))
                    .append(stamped ? ", updated_at = now()" : "");
            if (onConflict == OnConflict.KEEP_FINAL) {
                sql.append(" WHERE NOT ").append(table).append(".is_final");
            }
        }
        this.sql = sql.toString();
        this.keyNames = unquoted(keys);
        this.valueNames = unquoted(updated);
    }

    private static List<String> unquoted(List<String> columns) {
        return columns.stream().map(c -> c.replace("\"", "")).collect(Collectors.toList());
    }

    /** Binds the key columns, in order. */
    abstract void keys(Params p, T row) throws SQLException;

    /** Binds the value columns, in order (without is_final). */
    abstract void values(Params p, T row) throws SQLException;

    /** For {@link OnConflict#KEEP_FINAL}: whether the row is final. */
    boolean isFinal(T row) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no is_final");
    }

    /** The row's key columns by name, as JSON: how the dead-letter table names a refused row. */
    String keyJson(T row) throws SQLException {
        JsonParams p = new JsonParams(keyNames);
        keys(p, row);
        return p.json();
    }

    /** The row's other columns by name, as JSON, with is_final where the table has it. */
    String valuesJson(T row) throws SQLException {
        JsonParams p = new JsonParams(valueNames);
        values(p, row);
        if (onConflict == OnConflict.KEEP_FINAL) {
            p.flag(isFinal(row));
        }
        return p.json();
    }

    @Override
    public void accept(PreparedStatement ps, T row) throws SQLException {
        Params p = new StatementParams(ps);
        keys(p, row);
        values(p, row);
        if (onConflict == OnConflict.KEEP_FINAL) {
            p.flag(isFinal(row));
        }
        if (onConflict != OnConflict.KEEP_FIRST) {
            values(p, row);
        }
        if (onConflict == OnConflict.KEEP_FINAL) {
            p.flag(isFinal(row));
        }
    }
}
