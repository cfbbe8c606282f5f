package org.staffroom.sink;

import java.util.List;
import org.staffroom.model.RejectedPost;

/** Writes a rejected_posts row; a record read again (replay, restart) keeps its first row. */
final class RejectedPostStatement extends UpsertStatement<RejectedPost> {
    private static final long serialVersionUID = 1L;

    RejectedPostStatement() {
        super("rejected_posts", List.of(
                        Column.of("topic", (p, r) -> p.text(r.topic)),
                        Column.of("\"partition\"", (p, r) -> p.number(r.partition)),
                        Column.of("\"offset\"", (p, r) -> p.number(r.offset))),
                List.of(
                        Column.of("received_at", (p, r) -> p.instant(r.receivedAt)),
                        Column.of("reason", (p, r) -> p.text(r.reason)),
                        Column.of("payload", (p, r) -> p.text(r.payload)),
                        Column.of("payload_bytes", (p, r) -> p.number(r.payloadBytes))),
                OnConflict.KEEP_FIRST, false);
    }
}
