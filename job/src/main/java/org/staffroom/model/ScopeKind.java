package org.staffroom.model;

/**
 * The kinds of scope whose windows the job counts, and how the tables name them: late_posts
 * prefixes a scope with its kind ({@code chat:ukedchat}), top_accounts names the kind of window
 * ranked, and a chat's tables name their windows by its label ({@code session_start}).
 */
public enum ScopeKind {
    /** A hashtag, in every configured window size; its calendar days are ranked. */
    HASHTAG("hashtag", null, "hashtag_day", true),
    /** A chat's sessions, each ranked and compared with the one before. */
    CHAT("chat", "session", "session", true),
    /** A chat's hashtag outside the sessions, by the week of the chat's zone: all platforms only. */
    CHAT_WEEK("chat-week", "week", null, false);

    private final String label;
    private final String windowLabel;
    private final String topAccountsScope;
    private final boolean comparesPlatforms;

    ScopeKind(String label, String windowLabel, String topAccountsScope, boolean comparesPlatforms) {
        this.label = label;
        this.windowLabel = windowLabel;
        this.topAccountsScope = topAccountsScope;
        this.comparesPlatforms = comparesPlatforms;
    }

    /** Whether the kind's windows have a row per platform besides the all-platform row (contract §4). */
    public boolean comparesPlatforms() {
        return comparesPlatforms;
    }

    /** How late_posts and the logs name the kind: {@code hashtag}, {@code chat}, {@code chat-week}. */
    public String label() {
        return label;
    }

    /**
     * The label of the kind's one window scheme (window_size, the chat tables' column prefix); null
     * for hashtags, whose sizes are configured.
     */
    public String windowLabel() {
        return windowLabel;
    }

    /** top_accounts.scope of the kind's ranked windows; null where none is ranked. */
    public String topAccountsScope() {
        return topAccountsScope;
    }

    /** late_posts.scope of a post that missed windows of this scope: the kind, a colon, the hashtag or chat id. */
    public String lateScope(String scope) {
        return label + ":" + scope;
    }
}
