package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.staffroom.model.RejectedPost;

/** Writes a rejected_posts row; a record read again (replay, restart) keeps its first row. */
final class RejectedPostStatement implements JdbcStatementBuilder<RejectedPost> {
    private static final long serialVersionUID = 1L;

    static final String SQL = Upsert.firstWins("rejected_posts", List.of("topic", "\"partition\"", "\"offset\""),
            List.of("received_at", "reason", "payload", "payload_bytes"));

    @Override
    public void accept(PreparedStatement ps, RejectedPost r) throws SQLException {
        ps.setString(1, r.topic);
        ps.setInt(2, r.partition);
        ps.setLong(3, r.offset);
        ps.setObject(4, Timestamps.of(r.receivedAt));
        ps.setString(5, r.reason);
        ps.setString(6, r.payload);
        ps.setInt(7, r.payloadBytes);
    }
}
