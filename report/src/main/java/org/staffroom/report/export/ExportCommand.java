package org.staffroom.report.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.staffroom.options.JdbcOptions;
import org.staffroom.report.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code staffroom-report export --table T [--from …] [--to …] --out FILE.csv}: one table or view as
 * CSV, with its data dictionary in {@code FILE.dictionary.csv}. Both files appear complete or not
 * at all (written beside, then moved), so a notebook never reads half an export.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Writes a table or view as CSV for R or Python, with a data dictionary beside it.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "NAME",
            description = "The table or view, e.g. chat_session_metrics (a wrong name lists those you may read).")
    String table;

    @Option(names = "--from", converter = TimeRange.Bound.class, paramLabel = "DATE|INSTANT",
            description = "Rows from this time on (the table's window_start, session_start, week_start or received_at).")
    Instant from;

    @Option(names = "--to", converter = TimeRange.Bound.class, paramLabel = "DATE|INSTANT",
            description = "Rows before this time.")
    Instant to;

    @Option(names = "--out", paramLabel = "FILE", description = "The CSV file (default: <table>.csv).")
    Path out;

    @Mixin
    JdbcOptions jdbc;

    @Override
    public Integer call() throws IOException, SQLException {
        try {
            jdbc.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is not before --to " + to);
        }
        Path csvFile = out != null ? out : Path.of(table + ".csv");
        Path dictionaryFile = dictionaryOf(csvFile);
        TimeRange range = new TimeRange(from, to);
        try (Connection c = jdbc.connect()) {
            Optional<Exportable> found = Exportable.find(c, table);
            if (found.isEmpty()) {
                List<String> readable = Exportable.readable(c);
                throw new ParameterException(spec.commandLine(), "--table " + table + ": no table or view of that name "
                        + "that " + jdbc.user() + " may read; these it may: " + String.join(", ", readable));
            }
            Exportable exportable = found.get();
            if (!range.isAll() && exportable.timeColumn().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--from/--to: " + table
                        + " has no time column (window_start, session_start, week_start, received_at); export it whole");
            }
            long rows = AtomicFile.write(csvFile, w -> CsvExport.write(c, exportable, range, w));
            AtomicFile.write(dictionaryFile, w -> {
                DataDictionary.write(exportable, w);
                return 0;
            });
            PrintWriter err = spec.commandLine().getErr();
            err.printf("export: %,d rows of %s%s to %s (dictionary: %s)%n", rows, table, describe(range, exportable),
                    csvFile, dictionaryFile);
            return 0;
        }
    }

    /** {@code ukedchat.csv} → {@code ukedchat.dictionary.csv}. */
    static Path dictionaryOf(Path csvFile) {
        String name = csvFile.getFileName().toString();
        String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csvFile.resolveSibling(base + ".dictionary.csv");
    }

    private static String describe(TimeRange range, Exportable table) {
        if (range.isAll()) {
            return "";
        }
        return " with " + table.timeColumn().orElseThrow() + " in [" + (range.from() == null ? "…" : range.from())
                + ", " + (range.to() == null ? "…" : range.to()) + ")";
    }
}
