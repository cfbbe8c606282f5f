package org.staffroom.datagen.replay;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations of replay's options, spelled as the job's options spell them ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, ISO-8601 {@code PT30S}), and {@link #OFF}.
 *
 * <p>The job's parser ({@code org.staffroom.options.Durations}) is out of reach here: the job
 * depends on datagen (for its tests), not the other way. {@code DatagenDurationsTest} in the job's
 * tests gives both the same inputs and expects the same durations and the same refusals, but for
 * {@link #OFF}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /**
     * A bare {@code 0}, which the job refuses: every duration option of replay means "off" with it,
     * {@code --shuffle-within 0} no disorder and {@code --progress-interval 0} no progress lines.
     */
    public static final String OFF = "0";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Map<String, ChronoUnit> UNITS = Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS,
            "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim();
        if (v.equals(OFF)) {
            return Duration.ZERO;
        }
        Matcher m = NUMBER_AND_UNIT.matcher(v.toLowerCase(Locale.ROOT));
        try {
            return m.matches() ? Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2)))
                    : Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: use a number and a unit (500ms, 30s, 5m, 1h, 7d) or ISO-8601 (PT30S)");
        }
    }
}
