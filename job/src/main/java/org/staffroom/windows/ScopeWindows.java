package org.staffroom.windows;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.staffroom.model.ScopeKind;

/** Which windows the posts of one scope fall in: every size for a hashtag, the schedule for a chat. */
public interface ScopeWindows extends Serializable {
    /** Which scopes these are: names them in late_posts and top_accounts. */
    ScopeKind kind();

    /** The windows new posts of the scope fall in; none for a scope no longer configured (a removed chat). */
    List<WindowScheme> schemesFor(String scope);

    /** Every label {@link #schemesFor} may return: each gets its own state. */
    Set<String> labels();

    /** Whether final windows of the label get top_accounts rows (contract §4: 1d windows and sessions). */
    boolean ranksAccounts(String label);

    /** Whether the label's rows count the participants retained from the previous occurrence (sessions). */
    default boolean retains(String label) {
        return false;
    }
}
