package org.staffroom.report.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** [from, to) on a table's time column; either end may be open. */
public record TimeRange(Instant from, Instant to) {

    public boolean isAll() {
        return from == null && to == null;
    }

    /** An instant ({@code 2025-01-09T20:00:00Z}) or a date ({@code 2025-01-09}: its midnight, UTC). */
    public static final class Bound implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is neither a date (2025-01-09) nor an instant (2025-01-09T20:00:00Z)");
            }
        }
    }
}
