package org.staffroom.platforms.bluesky;

import java.util.List;
import org.staffroom.platforms.BoundedLru;
import org.staffroom.platforms.PostEvent;

/**
 * Gives a Bluesky repost the hashtags of the post it reposts, as a retweet carries its original's
 * on X. Fed events in {@code createdAt} order, it remembers each Bluesky post's hashtags by id (the
 * most recently seen {@code maxPosts} of them) and fills a repost's from its post; a repost of a
 * post never seen, or long forgotten, keeps none. Events of other platforms pass unchanged.
 */
public final class RepostJoin {
    public static final int DEFAULT_MAX_POSTS = 1_000_000;

    private final BoundedLru<String, List<String>> hashtagsByPost;

    public RepostJoin(int maxPosts) {
        this.hashtagsByPost = new BoundedLru<>(maxPosts, "the number of Bluesky posts remembered for reposts");
    }

    public RepostJoin() {
        this(DEFAULT_MAX_POSTS);
    }

    /** Fills {@code event}'s hashtags in place when it is a repost of a remembered post; returns it. */
    public PostEvent join(PostEvent event) {
        if (!PostRecordMapper.PLATFORM.equals(event.platform)) {
            return event;
        }
        if (event.retweetOf == null) {
            if (event.hashtags != null && !event.hashtags.isEmpty()) {
                hashtagsByPost.put(event.id, event.hashtags);
            }
        } else {
            List<String> original = hashtagsByPost.get(event.retweetOf);
            if (original != null) {
                event.hashtags = original;
            }
        }
        return event;
    }
}
