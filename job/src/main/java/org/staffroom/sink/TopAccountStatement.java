package org.staffroom.sink;

import java.util.List;
import org.staffroom.model.TopAccount;

/** Upserts a row of top_accounts; only final windows have them, so a rewrite carries the same values. */
final class TopAccountStatement extends UpsertStatement<TopAccount> {
    private static final long serialVersionUID = 1L;

    TopAccountStatement() {
        super("top_accounts", List.of(
                        Column.of("scope", (p, t) -> p.text(t.scope)),
                        Column.of("scope_key", (p, t) -> p.text(t.scopeKey)),
                        Column.of("window_start", (p, t) -> p.instant(t.windowStart)),
                        Column.of("kind", (p, t) -> p.text(t.kind)),
                        Column.of("rank", (p, t) -> p.number(t.rank))),
                List.of(
                        Column.of("account", (p, t) -> p.text(t.account)),
                        Column.of("posts", (p, t) -> p.number(t.posts))),
                OnConflict.KEEP_FIRST, false);
    }
}
