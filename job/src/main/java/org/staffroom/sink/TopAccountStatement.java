package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.TopAccount;

/** Upserts a row of top_accounts; only final windows have them, so a rewrite carries the same values. */
final class TopAccountStatement implements JdbcStatementBuilder<TopAccount> {
    private static final long serialVersionUID = 1L;

    static final String SQL = "INSERT INTO top_accounts (scope, scope_key, window_start, kind, rank, account, posts) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, scope_key, window_start, kind, rank) "
            + "DO UPDATE SET account = EXCLUDED.account, posts = EXCLUDED.posts";

    @Override
    public void accept(PreparedStatement ps, TopAccount t) throws SQLException {
        ps.setString(1, t.scope);
        ps.setString(2, t.scopeKey);
        ps.setObject(3, Timestamps.of(t.windowStart));
        ps.setString(4, t.kind);
        ps.setInt(5, t.rank);
        ps.setString(6, t.account);
        ps.setLong(7, t.posts);
    }
}
