package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A row PostgreSQL refused for its data, as the dead_letters table keeps it. */
record DeadLetter(String table, String key, String values, String sqlState, String error) {
    static final String INSERT = "INSERT INTO dead_letters (table_name, row_key, row_values, sqlstate, error) "
            + "VALUES (?, ?::jsonb, ?::jsonb, ?, ?)";

    void bind(PreparedStatement ps) throws SQLException {
        ps.setString(1, table);
        ps.setString(2, key);
        ps.setString(3, values);
        ps.setString(4, sqlState);
        ps.setString(5, error);
    }
}
