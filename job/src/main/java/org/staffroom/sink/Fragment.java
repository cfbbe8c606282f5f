package org.staffroom.sink;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /** {@code SET column = placeholder, …}: the columns again, for an update. */
    static <T> Fragment<T> set(List<Column<T>> columns, boolean stamped) {
        String assignments = columns.stream().map(c -> c.name() + " = " + c.placeholder())
                .collect(Collectors.joining(", "));
        return new Fragment<>("SET " + assignments + (stamped ? ", updated_at = now()" : ""), List.copyOf(columns));
    }

    void bind(Params p, T row) throws SQLException {
        Column.bindAll(parameters, p, row);
    }
}
