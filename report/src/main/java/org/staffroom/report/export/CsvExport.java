package org.staffroom.report.export;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes the rows of a table or view as CSV (RFC 4180, a header row) the way notebooks read it:
 * instants in ISO-8601 UTC ({@code 2025-01-09T20:00:00Z}), booleans {@code true}/{@code false},
 * numbers as PostgreSQL gives them (ratios in full), arrays in PostgreSQL's form
 * ({@code {edchat,ukedchat}}), NULL as an empty unquoted field and every other value quoted, so
 * that an empty text stays told apart from NULL. Rows are streamed, never held.
 */
public final class CsvExport {
    /** The CSV dialect of the exports; reading them back needs the same. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.ALL_NON_NULL).setNullString("").get();

    private static final int FETCH_SIZE = 10_000;

    private CsvExport() {}

    /** Writes every row in {@code range}, ordered; returns how many. */
    public static long write(Connection c, Exportable table, TimeRange range, Writer out)
            throws SQLException, IOException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(table.columns().stream().map(col -> Exportable.quoted(col.name()))
                        .collect(Collectors.joining(", ")))
                .append(" FROM ").append(Exportable.quoted(table.name()));
        if (!range.isAll()) {
            String time = Exportable.quoted(table.timeColumn().orElseThrow());
            List<String> conditions = new ArrayList<>();
            if (range.from() != null) {
                conditions.add(time + " >= ?");
                parameters.add(Timestamp.from(range.from()));
            }
            if (range.to() != null) {
                conditions.add(time + " < ?");
                parameters.add(Timestamp.from(range.to()));
            }
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(table.order().stream().map(Exportable::quoted)
                .collect(Collectors.joining(", ")));

        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (PreparedStatement s = c.prepareStatement(sql.toString());
                CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            s.setFetchSize(FETCH_SIZE);
            csv.printRecord(table.columns().stream().map(Exportable.Column::name));
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                int n = table.columns().size();
                Object[] values = new Object[n];
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = cell(rs, i + 1);
                    }
                    csv.printRecord(values);
                    rows++;
                }
            }
            csv.flush();
            return rows;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static String cell(ResultSet rs, int column) throws SQLException {
        int type = rs.getMetaData().getColumnType(column);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP
                && "timestamptz".equals(rs.getMetaData().getColumnTypeName(column))) {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant().toString();
        }
        if (type == Types.BIT || type == Types.BOOLEAN) {
            boolean value = rs.getBoolean(column);
            return rs.wasNull() ? null : Boolean.toString(value);
        }
        return rs.getString(column);
    }
}
