package org.staffroom.sink;

import java.util.List;
import org.staffroom.model.PostDeletion;

/**
 * Writes a deleted_posts row; the first report of a deletion is kept. Triggers of the schema
 * (V010) remove the post's content from the other tables, and keep it out of them afterwards, so
 * that this sink and theirs may write in any order.
 */
final class DeletedPostStatement extends UpsertStatement<PostDeletion> {
    private static final long serialVersionUID = 1L;

    DeletedPostStatement() {
        super("deleted_posts", List.of(
                        Column.of("platform", (p, d) -> p.text(d.platform)),
                        Column.of("id", (p, d) -> p.text(d.id))),
                List.of(
                        Column.of("deleted_at", (p, d) -> {
                            if (d.deletedAt == null) {
                                p.object(null);
                            } else {
                                p.instant(d.deletedAt);
                            }
                        }),
                        Column.of("received_at", (p, d) -> p.instant(d.receivedAt))),
                OnConflict.KEEP_FIRST, false);
    }
}
