package org.staffroom.report.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row as the database gave it: each value in its exact text (numbers in full, instants in
 * ISO-8601 UTC, NULL as null), so that what the report shows can be compared with the table.
 */
public final class Row {
    private final Map<String, String> values;

    private Row(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every row of a query with positional parameters. */
    static List<Row> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String value;
                        if ("timestamptz".equals(meta.getColumnTypeName(i))) {
                            OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
                            value = at == null ? null : at.toInstant().toString();
                        } else {
                            value = rs.getString(i);
                        }
                        values.put(meta.getColumnLabel(i), value);
                    }
                    rows.add(new Row(values));
                }
            }
            return rows;
        }
    }

    /** The value's text, or null. */
    public String text(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }

    /** The value as a number; NaN for NULL. */
    public double number(String column) {
        String text = text(column);
        return text == null ? Double.NaN : Double.parseDouble(text);
    }

    public long count(String column) {
        String text = text(column);
        return text == null ? 0 : Long.parseLong(text);
    }

    public Instant instant(String column) {
        return Instant.parse(text(column));
    }

    public boolean flag(String column) {
        return "t".equals(text(column)) || "true".equals(text(column));
    }
}
