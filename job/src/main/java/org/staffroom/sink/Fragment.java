package org.staffroom.sink;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a statement's SQL and the columns whose values its parameters take, in the order it
 * names them: a statement binds its fragments one after the other, so its parameters follow its SQL.
 */
record Fragment<T>(String sql, List<Column<T>> parameters) implements Serializable {

    /** SQL without parameters. */
    static <T> Fragment<T> of(String sql) {
        return new Fragment<>(sql, List.of());
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (placeholders)}.
     *
     * @param stamped whether the table has an updated_at column, set to now()
     */
    static <T> Fragment<T> insert(String table, List<Column<T>> columns, boolean stamped) {
        List<String> names = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        columns.forEach(c -> {
            names.add(c.name());
            placeholders.add(c.placeholder());
        });
        if (stamped) {
            names.add("updated_at");
            placeholders.add("now()");
        }
        return new Fragment<>("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", placeholders) + ")", List.copyOf(columns));
    }

    /**
     * {@code SET column = $n, …}: the columns again, for an update, each referring to the parameter
     * the insert bound its value to, so that nothing is bound twice (PostgreSQL lets a statement
     * name a parameter more than once).
     *
     * @param firstParameter the position of the first column's parameter in the statement
     */
    static <T> Fragment<T> set(List<Column<T>> columns, int firstParameter, boolean stamped) {
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            assignments.add(c.name() + " = " + c.placeholder(firstParameter + i));
        }
        return new Fragment<>("SET " + String.join(", ", assignments) + (stamped ? ", updated_at = now()" : ""),
                List.of());
    }

    void bind(Params p, T row) throws SQLException {
        Column.bindAll(parameters, p, row);
    }
}
