package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Compares the output tables of two runs, row for row, wall-clock columns ({@code updated_at}, {@code received_at}) aside. */
public final class SameRows {
    /** Every output table of aggregates and late posts, ordered by its key. */
    static final List<String> TABLES = List.of(
            "hashtag_window_metrics ORDER BY hashtag, window_size, window_start",
            "chat_session_metrics ORDER BY chat_id, session_start",
            "hashtag_window_platform_metrics ORDER BY hashtag, platform, window_size, window_start",
            "chat_session_platform_metrics ORDER BY chat_id, platform, session_start",
            "chat_week_metrics ORDER BY chat_id, week_start",
            "top_accounts ORDER BY scope, scope_key, window_start, kind, rank",
            "late_posts ORDER BY platform, id, scope");
    /**
     * {@link #TABLES} and the rest of what the job writes: the calendar, and the rejected records without their
     * topic, since two runs read the same records from topics of their own.
     */
    private static final List<String> EVERY_TABLE_QUERY = List.of(
            "SELECT \"partition\", \"offset\", reason, payload, payload_bytes FROM rejected_posts "
                    + "ORDER BY \"partition\", \"offset\"",
            "SELECT * FROM chats ORDER BY chat_id");

    /** A query's rows, as "col=value|col=value" lines. */
    public interface Rows {
        List<String> of(String jdbcUrl, String sql) throws SQLException;
    }

    private SameRows() {}

    /** Every output table of {@code db} holds exactly the rows of {@code cleanDb}. */
    static void assertAllTables(Rows rows, String cleanDb, String db) throws SQLException {
        for (String table : TABLES) {
            List<String> expected = rows.of(cleanDb, "SELECT * FROM " + table);
            if (!table.startsWith("late_posts")) {
                assertThat(expected).as(table).isNotEmpty();
            }
            assertSame(table, expected, rows.of(db, "SELECT * FROM " + table));
        }
    }

    /**
     * Every table the job writes, {@code rejected_posts}, {@code late_posts} and {@code chats} included, holds in
     * {@code db} exactly the rows of {@code cleanDb}, where none is empty; the differences of all tables are
     * reported together.
     */
    public static void assertEveryTable(Rows rows, String cleanDb, String db) throws SQLException {
        List<String> queries = new ArrayList<>();
        TABLES.forEach(t -> queries.add("SELECT * FROM " + t));
        queries.addAll(EVERY_TABLE_QUERY);
        List<String> differences = new ArrayList<>();
        for (String query : queries) {
            List<String> expected = rows.of(cleanDb, query);
            assertThat(expected).as("the clean run's rows of: %s", query).isNotEmpty();
            String difference = difference(expected, rows.of(db, query));
            if (difference != null) {
                differences.add(query + ":\n" + difference);
            }
        }
        assertThat(differences).as("tables that differ from the clean run's").isEmpty();
    }

    /** The same rows in the same order, naming the missing and the extra ones first when they differ. */
    static void assertSame(String what, List<String> expectedRows, List<String> actualRows) {
        String difference = difference(expectedRows, actualRows);
        assertThat(difference).as(what).isNull();
    }

    /** What differs, wall-clock columns aside: the rows missing, the rows extra, or the order; null if nothing. */
    private static String difference(List<String> expectedRows, List<String> actualRows) {
        List<String> expected = withoutWallClock(expectedRows);
        List<String> actual = withoutWallClock(actualRows);
        if (actual.equals(expected)) {
            return null;
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return "the same rows in another order: " + actual;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(" row(s) of the clean run missing here");
        missing.forEach(r -> sb.append("\n  - ").append(r));
        sb.append("\n").append(extra.size()).append(" row(s) not in the clean run");
        extra.forEach(r -> sb.append("\n  + ").append(r));
        return sb.toString();
    }

    /** Rows without the columns that hold when they were written or read rather than what they say. */
    private static List<String> withoutWallClock(List<String> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.replaceAll("\\|?\\b(updated_at|received_at)=[^|]*", "")));
        return out;
    }
}
