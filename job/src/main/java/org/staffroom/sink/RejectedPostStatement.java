package org.staffroom.sink;

import java.sql.SQLException;
import java.util.List;
import org.staffroom.model.RejectedPost;

/** Writes a rejected_posts row; a record read again (replay, restart) keeps its first row. */
final class RejectedPostStatement extends UpsertStatement<RejectedPost> {
    private static final long serialVersionUID = 1L;

    RejectedPostStatement() {
        super("rejected_posts", List.of("topic", "\"partition\"", "\"offset\""),
                List.of("received_at", "reason", "payload", "payload_bytes"), OnConflict.KEEP_FIRST, false);
    }

    @Override
    void keys(Params p, RejectedPost r) throws SQLException {
        p.text(r.topic).number(r.partition).number(r.offset);
    }

    @Override
    void values(Params p, RejectedPost r) throws SQLException {
        p.instant(r.receivedAt).text(r.reason).text(r.payload).number(r.payloadBytes);
    }
}
