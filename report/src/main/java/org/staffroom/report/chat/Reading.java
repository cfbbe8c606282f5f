package org.staffroom.report.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's plain-English reading of the latest session against the average of the sessions
 * before it in the report ("more newcomers than usual: 39 against 28"). A difference within a tenth
 * of the average reads as "about as usual".
 */
final class Reading {
    private static final double AS_USUAL = 0.10;

    private record Measure(String column, String more, String fewer, String same, boolean ratio) {}

    private static final List<Measure> MEASURES = List.of(
            new Measure("participants", "more participants than usual", "fewer participants than usual",
                    "about as many participants as usual", false),
            new Measure("new_participants", "more newcomers than usual", "fewer newcomers than usual",
                    "about as many newcomers as usual", false),
            new Measure("retained_from_previous", "more people came back from the week before than usual",
                    "fewer people came back from the week before than usual",
                    "about as many people came back from the week before as usual", false),
            new Measure("posts", "more posts than usual", "fewer posts than usual", "about as many posts as usual", false),
            new Measure("brokering_ratio", "more knowledge brokering than usual (links, mentions, retweets)",
                    "less knowledge brokering than usual (links, mentions, retweets)",
                    "about as much knowledge brokering as usual (links, mentions, retweets)", true));

    private Reading() {}

    /** One sentence per measure; none when there is no earlier session to compare with. */
    static List<String> of(List<Row> sessions) {
        List<String> sentences = new ArrayList<>();
        if (sessions.size() < 2) {
            return sentences;
        }
        Row latest = sessions.get(sessions.size() - 1);
        List<Row> before = sessions.subList(0, sessions.size() - 1);
        for (Measure m : MEASURES) {
            double now = latest.number(m.column);
            double average = before.stream().mapToDouble(r -> r.number(m.column)).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
            if (Double.isNaN(now) || Double.isNaN(average)) {
                continue;
            }
            String phrase = Math.abs(now - average) <= AS_USUAL * Math.abs(average) ? m.same
                    : now > average ? m.more : m.fewer;
            sentences.add(capitalised(phrase) + ": " + format(now, m.ratio) + " against " + format(average, m.ratio)
                    + " on average over the " + before.size() + " session" + (before.size() == 1 ? "" : "s")
                    + " before.");
        }
        return sentences;
    }

    static String format(double value, boolean ratio) {
        return ratio ? String.format(Locale.UK, "%.0f %%", value * 100) : String.format(Locale.UK, "%,.0f", value);
    }

    private static String capitalised(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
