package org.staffroom.sink;

import java.sql.SQLException;
import java.util.List;
import org.staffroom.model.LatePost;

/** Writes a late_posts row; the first report of a post for a scope is kept. */
final class LatePostStatement extends UpsertStatement<LatePost> {
    private static final long serialVersionUID = 1L;

    LatePostStatement() {
        super("late_posts", List.of("platform", "id", "scope"), List.of("created_at", "received_at", "hashtags", "missed"),
                OnConflict.KEEP_FIRST, false);
    }

    @Override
    void keys(Params p, LatePost l) throws SQLException {
        p.text(l.platform).text(l.id).text(l.scope);
    }

    @Override
    void values(Params p, LatePost l) throws SQLException {
        p.instant(l.createdAt).instant(l.receivedAt).texts(l.hashtags).texts(l.missed);
    }
}
