package org.staffroom.sink;

import java.util.List;
import org.staffroom.model.LatePost;

/** Writes a late_posts row; the first report of a post for a scope is kept. */
final class LatePostStatement extends UpsertStatement<LatePost> {
    private static final long serialVersionUID = 1L;

    LatePostStatement() {
        super("late_posts", List.of(
                        Column.of("platform", (p, l) -> p.text(l.platform)),
                        Column.of("id", (p, l) -> p.text(l.id)),
                        Column.of("scope", (p, l) -> p.text(l.scope))),
                List.of(
                        Column.of("created_at", (p, l) -> p.instant(l.createdAt)),
                        Column.of("received_at", (p, l) -> p.instant(l.receivedAt)),
                        Column.of("hashtags", (p, l) -> p.texts(l.hashtags)),
                        Column.of("missed", (p, l) -> p.texts(l.missed))),
                OnConflict.KEEP_FIRST, false);
    }
}
