package org.staffroom.platforms;

import java.io.Writer;
import org.staffroom.platforms.bluesky.JetstreamWriter;
import org.staffroom.platforms.mastodon.StatusWriter;
import org.staffroom.platforms.x.XPageWriter;

/** The native writer of each platform's format. */
public final class NativeWriters {
    /** Tweets per X search page: the API's largest {@code max_results}. */
    public static final int X_PAGE_SIZE = 100;
    /** Posts remembered for the retweets, replies and quotes that refer to them. */
    public static final int REMEMBERED_POSTS = 100_000;

    private NativeWriters() {}

    /** The platform whose posts {@code format} holds, as the contract's {@code platform} names it. */
    public static String platform(SourceFormat format) {
        return switch (format) {
            case X_V2 -> "twitter";
            case MASTODON -> "mastodon";
            case BLUESKY -> "bluesky";
            case STAFFROOM -> throw new IllegalArgumentException("staffroom is the contract's own format, no platform's");
        };
    }

    public static NativeWriter forFormat(SourceFormat format, Writer out) {
        return switch (format) {
            case X_V2 -> new XPageWriter(out, X_PAGE_SIZE, REMEMBERED_POSTS);
            case MASTODON -> new StatusWriter(out, REMEMBERED_POSTS);
            case BLUESKY -> new JetstreamWriter(out, REMEMBERED_POSTS);
            case STAFFROOM -> throw new IllegalArgumentException("staffroom events are written as they are, not by a native writer");
        };
    }
}
