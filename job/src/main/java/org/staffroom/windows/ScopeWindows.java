package org.staffroom.windows;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** Which windows the posts of one scope fall in: every size for a hashtag, the schedule for a chat. */
public interface ScopeWindows extends Serializable {
    /** {@code hashtag} or {@code chat}: names the scope in late_posts and top_accounts. */
    String kind();

    List<WindowScheme> schemesFor(String scope);

    /** Every label {@link #schemesFor} may return: each gets its own state. */
    Set<String> labels();
}
