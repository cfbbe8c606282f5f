package org.staffroom.report.export;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVPrinter;

/**
 * What each exported column means, from the schema's comments (sql/V011__column_comments.sql), as
 * CSV beside the export: {@code name,type,nullable,description}; the first row names the table or
 * view itself (type {@code table} or {@code view}).
 */
public final class DataDictionary {
    private DataDictionary() {}

    public static void write(Exportable table, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CsvExport.FORMAT)) {
            csv.printRecord("name", "type", "nullable", "description");
            csv.printRecord(table.name(), table.kind(), "", orEmpty(table.description()));
            for (Exportable.Column column : table.columns()) {
                csv.printRecord(column.name(), column.type(), Boolean.toString(column.nullable()),
                        orEmpty(column.description()));
            }
        }
    }

    private static String orEmpty(String description) {
        return description == null ? "" : description;
    }
}
