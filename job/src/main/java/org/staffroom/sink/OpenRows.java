package org.staffroom.sink;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.staffroom.options.JdbcOptions;

/**
 * Rows an earlier run left open (is_final = false). A run that starts without that run's state
 * would count their windows again from only what it reads itself, and finalise them short: the
 * job refuses to, unless told to (a final row could not change either way: the sinks never
 * rewrite one).
 */
public final class OpenRows {
    private static final List<String> TABLES =
            List.of("hashtag_window_metrics", "chat_session_metrics", "chat_week_metrics");

    private OpenRows() {}

    /** How many rows of the window tables are open. */
    public static long count(JdbcOptions jdbc) throws SQLException {
        long open = 0;
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE NOT is_final")) {
                    rs.next();
                    open += rs.getLong(1);
                }
            }
        }
        return open;
    }

    /**
     * Refuses a start without state (no savepoint or checkpoint to resume from) against open rows.
     *
     * @throws IllegalStateException saying what to do instead
     */
    public static void refuseAFreshStartOver(JdbcOptions jdbc) throws SQLException {
        long open = count(jdbc);
        if (open > 0) {
            throw new IllegalStateException("staffroom-job: the tables hold " + open + " open rows (is_final = false) "
                    + "from an earlier run, and this run starts without that run's state: it would count those "
                    + "windows again from only what it reads and finalise them short. Resume from the earlier run's "
                    + "savepoint or retained checkpoint (flink run -s PATH), or pass --start-without-state to accept "
                    + "that (final rows never change either way).");
        }
    }
}
