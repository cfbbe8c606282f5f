package org.staffroom.sink;

import java.sql.SQLException;
import java.util.List;
import org.staffroom.model.TopAccount;

/** Upserts a row of top_accounts; only final windows have them, so a rewrite carries the same values. */
final class TopAccountStatement extends UpsertStatement<TopAccount> {
    private static final long serialVersionUID = 1L;

    TopAccountStatement() {
        super("top_accounts", List.of("scope", "scope_key", "window_start", "kind", "rank"),
                List.of("account", "posts"), OnConflict.KEEP_FIRST, false);
    }

    @Override
    void keys(Params p, TopAccount t) throws SQLException {
        p.text(t.scope).text(t.scopeKey).instant(t.windowStart).text(t.kind).number(t.rank);
    }

    @Override
    void values(Params p, TopAccount t) throws SQLException {
        p.text(t.account).number(t.posts);
    }
}
