package org.staffroom.model;

/** The yes/no facts about a post that the metrics count, packed in one int (cheap to ship and store). */
public final class PostFlags {
    public static final int RETWEET = 1;
    public static final int REPLY = 1 << 1;
    public static final int QUOTE = 1 << 2;
    public static final int LINK = 1 << 3;
    public static final int MENTION = 1 << 4;
    public static final int QUESTION = 1 << 5;

    private PostFlags() {}

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** Contract §2: a post that is neither a retweet, a reply nor a quote. */
    public static boolean isOriginal(int flags) {
        return (flags & (RETWEET | REPLY | QUOTE)) == 0;
    }

    /** Contract §2: knowledge brokering is sharing a link, mentioning someone or retweeting. */
    public static boolean isBrokering(int flags) {
        return (flags & (LINK | MENTION | RETWEET)) != 0;
    }
}
