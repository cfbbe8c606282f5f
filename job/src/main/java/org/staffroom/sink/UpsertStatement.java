package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * An {@code INSERT … ON CONFLICT} built from one list of key columns and one of value columns, each
 * column named beside the code that binds it, and bound fragment by fragment in the order of its
 * SQL. The update names the insert's parameters again ({@code SET posts = $7}) instead of reading
 * the values through {@code EXCLUDED}: that would need SELECT on every column, and the job's role
 * may only insert and update (contract §5). Each value is bound once; the driver settings that
 * would not send the SQL as written are refused ({@link PositionalParameters}).
 */
class UpsertStatement<T> implements JdbcStatementBuilder<T> {
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
    /** The is_final column, where the table has one. */
    private final Column<T> isFinal;
    private final List<Column<T>> keys;
    private final List<Column<T>> values;
    private final List<Fragment<T>> fragments;

    /**
     * @param values the columns besides the key; with {@link OnConflict#KEEP_FINAL}, is_final among them
     * @param stamped whether the table has an updated_at column set to now() on every write
     */
    UpsertStatement(String table, List<Column<T>> keys, List<Column<T>> values, OnConflict onConflict,
            boolean stamped) {
        this.isFinal = values.stream().filter(c -> c.name().equals("is_final")).findFirst().orElse(null);
        if (onConflict == OnConflict.KEEP_FINAL && isFinal == null) {
            throw new IllegalArgumentException(table + ": keeping final rows needs the is_final column");
        }
        this.table = table;
        this.onConflict = onConflict;
        this.keys = List.copyOf(keys);
        this.values = List.copyOf(values);
        List<Column<T>> columns = new ArrayList<>(keys);
        columns.addAll(values);
        List<Fragment<T>> fragments = new ArrayList<>();
        fragments.add(Fragment.insert(table, columns, stamped));
        fragments.add(Fragment.of("ON CONFLICT (" + keys.stream().map(Column::name).collect(Collectors.joining(", "))
                + ")"));
        if (onConflict == OnConflict.KEEP_FIRST) {
            fragments.add(Fragment.of("DO NOTHING"));
        } else {
            fragments.add(Fragment.of("DO UPDATE"));
            // the values follow the keys in the insert's parameters
            fragments.add(Fragment.set(values, keys.size() + 1, stamped));
            if (onConflict == OnConflict.KEEP_FINAL) {
                fragments.add(Fragment.of("WHERE NOT " + table + ".is_final"));
            }
        }
        this.fragments = List.copyOf(fragments);
        this.sql = fragments.stream().map(Fragment::sql).collect(Collectors.joining(" "));
    }

    /** The row's key columns by name, as JSON: how the dead-letter table names a refused row. */
    String keyJson(T row) throws SQLException {
        return json(keys, row);
    }

    /** The row's key columns as values: rows with equal keys write the same row of the table. */
    List<Object> keyOf(T row) throws SQLException {
        ParamValues p = new ParamValues();
        Column.bindAll(keys, p, row);
        return p.values();
    }

    /** Whether the table would let {@code later}, of the same key, overwrite {@code earlier}. */
    boolean supersedes(T later, T earlier) throws SQLException {
        switch (onConflict) {
            case KEEP_FIRST:
                return false;
            case KEEP_FINAL:
                ParamValues earlierIsFinal = new ParamValues();
                isFinal.binder().bind(earlierIsFinal, earlier);
                return !Boolean.TRUE.equals(earlierIsFinal.values().get(0));
            default:
                return true;
        }
    }

    /** The row's other columns by name, as JSON. */
    String valuesJson(T row) throws SQLException {
        return json(values, row);
    }

    private static <T> String json(List<Column<T>> columns, T row) throws SQLException {
        JsonParams p = new JsonParams(columns.stream().map(Column::plainName).collect(Collectors.toList()));
        Column.bindAll(columns, p, row);
        return p.json();
    }

    @Override
    public void accept(PreparedStatement ps, T row) throws SQLException {
        Params p = new StatementParams(ps);
        for (Fragment<T> fragment : fragments) {
            fragment.bind(p, row);
        }
    }
}
