package org.staffroom;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as the tests compare them: "col=value|col=value", in the query's order, times in UTC. */
public final class QueryRows {
    private QueryRows() {}

    public static List<String> of(String url, String user, String password, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append(i > 1 ? "|" : "").append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }
}
