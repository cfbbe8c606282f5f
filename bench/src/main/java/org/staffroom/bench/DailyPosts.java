package org.staffroom.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.staffroom.embedded.Database;

/**
 * Posts per hashtag summed over the 1-day rows of a table, which two jobs over the same posts
 * without duplicates must agree on whatever else they compute: every post counts once in the one
 * day of each of its hashtags.
 */
final class DailyPosts {
    private DailyPosts() {}

    /** hashtag → sum of {@code posts} of its {@code 1d} rows in {@code table}. */
    static Map<String, Long> byHashtag(Database db, String table) throws SQLException {
        Map<String, Long> posts = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hashtag, sum(posts) FROM " + table
                     + " WHERE window_size = '1d' GROUP BY hashtag")) {
            while (rs.next()) {
                posts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return posts;
    }

    /** "agree (N posts in H hashtags)", or how they disagree: the hashtags that differ, the first few named. */
    static String agreement(Map<String, Long> job, Map<String, Long> sql) {
        long jobTotal = total(job);
        long sqlTotal = total(sql);
        TreeSet<String> differing = new TreeSet<>(job.keySet());
        differing.addAll(sql.keySet());
        differing.removeIf(h -> Objects.equals(job.get(h), sql.get(h)));
        if (differing.isEmpty()) {
            return String.format(Locale.ROOT, "agree (%,d posts in %,d hashtags)", jobTotal, job.size());
        }
        StringBuilder first = new StringBuilder();
        differing.stream().limit(3).forEach(h -> first.append(first.length() == 0 ? "" : ", ").append(h)
                .append(' ').append(job.getOrDefault(h, 0L)).append('/').append(sql.getOrDefault(h, 0L)));
        return String.format(Locale.ROOT, "DISAGREE: %,d of %,d hashtags differ (job/sql: %s); totals %,d / %,d",
                differing.size(), job.size(), first, jobTotal, sqlTotal);
    }

    private static long total(Map<String, Long> posts) {
        return posts.values().stream().mapToLong(Long::longValue).sum();
    }
}
