package org.staffroom.report.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table or view the user may read, as the catalog describes it: its columns (those the user may
 * select), the column a time range applies to, and an order that makes two exports of the same rows
 * identical.
 */
public record Exportable(String name, String kind, String description, List<Column> columns,
                         Optional<String> timeColumn, List<String> order) {

    /** Where a time range applies, in this order: windows, sessions, weeks, then the logs' times. */
    private static final List<String> TIME_COLUMNS =
            List.of("window_start", "session_start", "week_start", "received_at", "refused_at", "created_at");

    /** One column: its type as PostgreSQL names it, and its comment (the data dictionary). */
    public record Column(String name, String type, boolean nullable, String description) {}

    /** Every table and view of the current schema the user may read, by name (Flyway's history left out). */
    public static List<String> readable(Connection c) throws SQLException {
        return firstColumn(c, "SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                + "AND c.relkind IN ('r', 'v', 'm', 'p') AND c.relname <> 'flyway_schema_history' "
                + "AND (has_table_privilege(c.oid, 'SELECT') OR has_any_column_privilege(c.oid, 'SELECT')) "
                + "ORDER BY c.relname");
    }

    /** The table or view {@code name}; empty when there is none the user may read. */
    public static Optional<Exportable> find(Connection c, String name) throws SQLException {
        if (!readable(c).contains(name)) {
            return Optional.empty();
        }
        String kind;
        String description;
        try (PreparedStatement s = c.prepareStatement("SELECT CASE c.relkind WHEN 'v' THEN 'view' "
                + "WHEN 'm' THEN 'materialized view' ELSE 'table' END, obj_description(c.oid, 'pg_class') "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                kind = rs.getString(1);
                description = rs.getString(2);
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                + "NOT a.attnotnull, col_description(a.attrelid, a.attnum) FROM pg_attribute a "
                + "WHERE a.attrelid = quote_ident(?)::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND has_column_privilege(a.attrelid, a.attnum, 'SELECT') ORDER BY a.attnum")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        List<String> names = columns.stream().map(Column::name).toList();
        Optional<String> time = TIME_COLUMNS.stream().filter(names::contains).findFirst();
        List<String> order = new ArrayList<>();
        time.ifPresent(order::add);
        for (String key : primaryKey(c, name)) {
            if (!order.contains(key) && names.contains(key)) {
                order.add(key);
            }
        }
        if (order.size() == time.stream().count()) {
            // no key: every column, so that equal exports are equal files
            names.stream().filter(n -> !order.contains(n)).forEach(order::add);
        }
        return Optional.of(new Exportable(name, kind, description, List.copyOf(columns), time, List.copyOf(order)));
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        return firstColumn(c, "SELECT a.attname FROM pg_index i "
                + "JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = quote_ident(?)::regclass AND i.indisprimary ORDER BY k.position", table);
    }

    /** The first column of a query's rows. */
    private static List<String> firstColumn(Connection c, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** A name as an SQL identifier, quoted. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
