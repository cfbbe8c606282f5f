package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A row PostgreSQL refused for its data, as the dead_letters table keeps it. */
record DeadLetter(String table, String key, String values, String sqlState, String error) {
    static final Fragment<DeadLetter> INSERT = Fragment.insert("dead_letters", List.of(
            Column.of("table_name", (p, d) -> p.text(d.table)),
            Column.json("row_key", (p, d) -> p.text(d.key)),
            Column.json("row_values", (p, d) -> p.text(d.values)),
            Column.of("sqlstate", (p, d) -> p.text(d.sqlState)),
            Column.of("error", (p, d) -> p.text(d.error))), false);

    void bind(PreparedStatement ps) throws SQLException {
        INSERT.bind(new StatementParams(ps), this);
    }
}
