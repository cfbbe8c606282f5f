package org.staffroom.windows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the configured window sizes: {@code 1d} (calendar days) or a sub-day size like {@code 30m}. */
public final class WindowSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)([mhd])");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private WindowSizes() {}

    public static List<WindowScheme> parse(List<String> sizes, ZoneId dayZone) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("at least one window size is needed");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<WindowScheme> schemes = new ArrayList<>();
        for (String raw : sizes) {
            WindowScheme scheme = parse(raw.trim().toLowerCase(Locale.ROOT), dayZone);
            if (!seen.add(scheme.label())) {
                throw new IllegalArgumentException("window size " + scheme.label() + " is given twice");
            }
            schemes.add(scheme);
        }
        return schemes;
    }

    private static WindowScheme parse(String size, ZoneId dayZone) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("window size '" + size
                    + "' is not a number followed by m, h or d (e.g. 30m, 1h, 1d)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit.equals("d")) {
            if (n != 1) {
                throw new IllegalArgumentException("window size '" + size
                        + "': only 1d (a calendar day) is supported among day sizes");
            }
            return new CalendarDays(dayZone);
        }
        long millis = unit.equals("h") ? Duration.ofHours(n).toMillis() : Duration.ofMinutes(n).toMillis();
        if (millis <= 0 || millis >= DAY || DAY % millis != 0) {
            throw new IllegalArgumentException("window size '" + size
                    + "' must be shorter than a day and divide it evenly (e.g. 15m, 30m, 1h, 6h)");
        }
        return new FixedWindows(label(millis), millis);
    }

    /** One spelling per size, so 60m and 1h land in the same rows. */
    private static String label(long millis) {
        long minutes = millis / 60_000;
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
}
