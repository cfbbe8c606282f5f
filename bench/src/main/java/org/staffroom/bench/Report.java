package org.staffroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures as one table, and the one-line summary that scripts read (always printed last). */
final class Report {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One figure: where it comes from, what it is, its value, and its target if it has one. */
    Report add(String section, String measure, String value, String target) {
        rows.add(new String[] {section, measure, value, target == null ? "" : target});
        return this;
    }

    Report note(String line) {
        notes.add(line);
        return this;
    }

    List<String> table() {
        String[] header = {"part", "measure", "value", "target"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(header, width));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.add(rule.toString());
        String section = null;
        for (String[] row : rows) {
            String[] shown = row.clone();
            if (row[0].equals(section)) {
                shown[0] = "";
            }
            section = row[0];
            out.add(line(shown, width));
        }
        if (!notes.isEmpty()) {
            out.add("");
            notes.forEach(n -> out.add("* " + n));
        }
        return out;
    }

    private static String line(String[] cells, int[] width) {
        int last = cells.length;
        while (last > 1 && cells[last - 1].isEmpty()) {
            last--; // no dangling separators after the last filled cell
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                b.append(" | ");
            }
            b.append(cells[i]).append(" ".repeat(width[i] - cells[i].length()));
        }
        return b.toString().stripTrailing();
    }

    /** A workload's rates at p=2 (posts/s): the job's, the 2-thread ceiling's, the SQL baseline's; null where not measured. */
    record Rates(Double job, Double ceiling, Double sql) {
        static final Rates NONE = new Rates(null, null, null);
    }

    /**
     * {@code staffroom-bench: job=<posts/s at p=2> ceiling=<posts/s, 2 threads> ratio=<job/ceiling> p99_live_ms=<n>
     * job_hashtags=… ceiling_hashtags=… ratio_hashtags=… sql=<posts/s at p=2> multiple=<job/sql> sql_hashtags=…
     * multiple_hashtags=…}, the {@code _hashtags} fields for the many-hashtag workload; a figure that was not
     * measured is {@code n/a}.
     */
    static String lastLine(Rates mix, Long p99LiveMillis, Rates manyHashtags) {
        String p99 = p99LiveMillis == null || p99LiveMillis < 0 ? "n/a" : String.valueOf(p99LiveMillis);
        return "staffroom-bench: job=" + posts(mix.job()) + " ceiling=" + posts(mix.ceiling()) + " ratio="
                + ratio(mix.job(), mix.ceiling()) + " p99_live_ms=" + p99 + " job_hashtags=" + posts(manyHashtags.job())
                + " ceiling_hashtags=" + posts(manyHashtags.ceiling()) + " ratio_hashtags="
                + ratio(manyHashtags.job(), manyHashtags.ceiling()) + " sql=" + posts(mix.sql()) + " multiple="
                + ratio(mix.job(), mix.sql()) + " sql_hashtags=" + posts(manyHashtags.sql()) + " multiple_hashtags="
                + ratio(manyHashtags.job(), manyHashtags.sql());
    }

    private static String posts(Double postsPerSecond) {
        return postsPerSecond == null ? "n/a" : String.valueOf(Math.round(postsPerSecond));
    }

    private static String ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator <= 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", numerator / denominator);
    }

    // ---- value formatting shared by the parts

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double postsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f posts/s", postsPerSecond);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String bytes(long b) {
        if (b < 10_000) {
            return b + " B";
        }
        if (b < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
        }
        if (b < 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
    }
}
