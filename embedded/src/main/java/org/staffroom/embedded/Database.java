package org.staffroom.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One PostgreSQL database and the role that owns its schema; {@code password} may be null (none). */
public record Database(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Without the password: a record's own toString would print it into any log. */
    @Override
    public String toString() {
        return "Database[url=" + url + ", user=" + user + "]";
    }
}
