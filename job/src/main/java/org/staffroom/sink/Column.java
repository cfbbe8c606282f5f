package org.staffroom.sink;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.List;

/**
 * A column a statement writes and how a row gives its value, side by side: the SQL names the
 * column where it binds it, so the two cannot drift apart.
 *
 * @param placeholder the column's value in the SQL, with the one parameter the binder gives
 */
record Column<T>(String name, String placeholder, Binder<T> binder) implements Serializable {

    /** Gives the column's one parameter. */
    @FunctionalInterface
    interface Binder<T> extends Serializable {
        void bind(Params p, T row) throws SQLException;
    }

    static <T> Column<T> of(String name, Binder<T> binder) {
        return new Column<>(name, "?", binder);
    }

    /** A text parameter that PostgreSQL reads as jsonb. */
    static <T> Column<T> json(String name, Binder<T> binder) {
        return new Column<>(name, "?::jsonb", binder);
    }

    /**
     * The placeholder with its parameter written as {@code $position}: the value a parameter of the
     * statement already holds, used again without binding it again.
     */
    String placeholder(int position) {
        return placeholder.replace("?", "$" + position);
    }

    /** The name as JSON shows it: without SQL's quotes ({@code "partition"} → partition). */
    String plainName() {
        return name.replace("\"", "");
    }

    /** Binds the columns' parameters, in order. */
    static <T> void bindAll(List<Column<T>> columns, Params p, T row) throws SQLException {
        for (Column<T> column : columns) {
            column.binder.bind(p, row);
        }
    }
}
