package org.staffroom.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": return Duration.ofMillis(n);
                case "s": return Duration.ofSeconds(n);
                case "m": return Duration.ofMinutes(n);
                case "h": return Duration.ofHours(n);
                default: return Duration.ofDays(n);
            }
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: use a number and a unit (500ms, 30s, 5m, 1h, 7d) or ISO-8601 (PT30S)");
        }
    }

    private static final long[] UNIT_MILLIS = {86_400_000, 3_600_000, 60_000, 1000, 1};
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};

    /** The short spelling used in messages and help, largest units first: {@code 30s}, {@code 7d1h5m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(ms < 0 ? "-" : "");
        long rest = Math.abs(ms);
        for (int i = 0; i < UNITS.length; i++) {
            if (rest >= UNIT_MILLIS[i]) {
                out.append(rest / UNIT_MILLIS[i]).append(UNITS[i]);
                rest %= UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
