package org.staffroom.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Contract §4, "a final row is final", watched from inside the database: triggers record every update of a row
 * that was final before it (a metrics row with {@code is_final}, and any row of {@code top_accounts},
 * {@code late_posts} and {@code rejected_posts}, which are final once written) into {@code final_row_audit}, with
 * the old and the new row. Created by the schema's owner; the trigger function runs as its owner, so the job's
 * writer role needs no right on the audit table.
 */
public final class FinalRowAudit {
    private static final List<String> WHILE_FINAL = List.of(
            "hashtag_window_metrics", "chat_session_metrics", "chat_week_metrics", "hashtag_window_platform_metrics",
            "chat_session_platform_metrics");
    private static final List<String> FINAL_ONCE_WRITTEN = List.of("top_accounts", "late_posts", "rejected_posts");
    /** Columns that say when a row was written or read, not what it says. */
    private static final String WITHOUT_WALL_CLOCK = " - 'updated_at' - 'received_at'";

    private FinalRowAudit() {}

    /** Creates the audit table and the triggers in the database at {@code jdbcUrl}. */
    public static void install(String jdbcUrl, String owner, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, owner, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE final_row_audit (seq bigserial PRIMARY KEY, "
                    + "at timestamptz NOT NULL DEFAULT clock_timestamp(), table_name text NOT NULL, "
                    + "old_row jsonb NOT NULL, new_row jsonb NOT NULL)");
            s.execute("CREATE FUNCTION audit_final_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                    + "SET search_path = pg_catalog, public AS $$ BEGIN "
                    + "INSERT INTO public.final_row_audit (table_name, old_row, new_row) "
                    + "VALUES (TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)); RETURN NULL; END $$");
            for (String table : WHILE_FINAL) {
                s.execute("CREATE TRIGGER audit_final_row AFTER UPDATE ON " + table
                        + " FOR EACH ROW WHEN (OLD.is_final) EXECUTE FUNCTION audit_final_row()");
            }
            for (String table : FINAL_ONCE_WRITTEN) {
                s.execute("CREATE TRIGGER audit_final_row AFTER UPDATE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION audit_final_row()");
            }
        }
    }

    /** Every recorded update of a final row, as "seq=…|table_name=…|old_row=…|new_row=…". */
    public static List<String> updates(SameRows.Rows rows, String jdbcUrl) throws SQLException {
        return rows.of(jdbcUrl, "SELECT seq, table_name, old_row, new_row FROM final_row_audit ORDER BY seq");
    }

    /** The recorded updates of a final row that changed a value, wall-clock columns aside. */
    public static List<String> changes(SameRows.Rows rows, String jdbcUrl) throws SQLException {
        return rows.of(jdbcUrl, "SELECT seq, table_name, old_row, new_row FROM final_row_audit WHERE (old_row"
                + WITHOUT_WALL_CLOCK + ") IS DISTINCT FROM (new_row" + WITHOUT_WALL_CLOCK + ") ORDER BY seq");
    }
}
