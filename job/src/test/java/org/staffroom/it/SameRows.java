package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Compares the output tables of two runs, row for row, {@code updated_at} aside. */
final class SameRows {
    /** Every output table, ordered by its key. */
    static final List<String> TABLES = List.of(
            "hashtag_window_metrics ORDER BY hashtag, window_size, window_start",
            "chat_session_metrics ORDER BY chat_id, session_start",
            "chat_week_metrics ORDER BY chat_id, week_start",
            "top_accounts ORDER BY scope, scope_key, window_start, kind, rank",
            "late_posts ORDER BY platform, id, scope");

    /** A query's rows, as "col=value|col=value" lines. */
    interface Rows {
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

    /** The same rows in the same order, naming the missing and the extra ones first when they differ. */
    static void assertSame(String what, List<String> expectedRows, List<String> actualRows) {
        List<String> expected = withoutUpdatedAt(expectedRows);
        List<String> actual = withoutUpdatedAt(actualRows);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        assertThat(missing).as(what + ": rows of the clean run missing here").isEmpty();
        assertThat(extra).as(what + ": rows not in the clean run").isEmpty();
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static List<String> withoutUpdatedAt(List<String> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.replaceAll("\\|updated_at=[^|]*", "")));
        return out;
    }
}
