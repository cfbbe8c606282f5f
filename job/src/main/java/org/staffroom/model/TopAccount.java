package org.staffroom.model;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** One row of top_accounts (contract §4). */
@TypeInfo(TopAccountSerializer.TypeFactory.class)
public class TopAccount {
    public static final String MENTIONED = "mentioned";
    public static final String CONTRIBUTOR = "contributor";

    /** The {@link ScopeKind#topAccountsScope()} of the ranked window's kind: session or hashtag_day. */
    public String scope;
    /** The chat id or the hashtag. */
    public String scopeKey;
    public long windowStart;
    /** {@link #MENTIONED} or {@link #CONTRIBUTOR}. */
    public String kind;
    public int rank;
    public String account;
    public long posts;

    public TopAccount() {}

    public TopAccount(String scope, String scopeKey, long windowStart, String kind, int rank, String account,
            long posts) {
        this.scope = scope;
        this.scopeKey = scopeKey;
        this.windowStart = windowStart;
        this.kind = kind;
        this.rank = rank;
        this.account = account;
        this.posts = posts;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TopAccount)) {
            return false;
        }
        TopAccount t = (TopAccount) o;
        return windowStart == t.windowStart && rank == t.rank && posts == t.posts && scope.equals(t.scope)
                && scopeKey.equals(t.scopeKey) && kind.equals(t.kind) && account.equals(t.account);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, scopeKey, windowStart, kind, rank);
    }

    @Override
    public String toString() {
        return scope + "/" + scopeKey + "@" + windowStart + " " + kind + " #" + rank + " " + account + " (" + posts + ")";
    }
}
