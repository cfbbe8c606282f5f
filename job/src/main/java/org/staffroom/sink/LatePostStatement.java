package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.LatePost;

/** Writes a late_posts row; the first report of a post for a scope is kept. */
final class LatePostStatement implements JdbcStatementBuilder<LatePost> {
    private static final long serialVersionUID = 1L;

    static final String SQL = Upsert.firstWins("late_posts", List.of("platform", "id", "scope"),
            List.of("created_at", "received_at", "hashtags", "missed"));

    @Override
    public void accept(PreparedStatement ps, LatePost p) throws SQLException {
        ps.setString(1, p.platform);
        ps.setString(2, p.id);
        ps.setString(3, p.scope);
        ps.setObject(4, Timestamps.of(p.createdAt));
        ps.setObject(5, Timestamps.of(p.receivedAt));
        ps.setArray(6, ps.getConnection().createArrayOf("text", p.hashtags));
        ps.setArray(7, ps.getConnection().createArrayOf("text", p.missed));
    }
}
