package org.staffroom.collect.bluesky;

import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.bluesky.RepostJoin;

/**
 * Which converted Jetstream events a collector writes: the posts with a wanted hashtag, and the
 * reposts of those posts. The posts kept are remembered, by uri, in a {@link RepostJoin} of
 * bounded size, which gives a repost its post's hashtags; a repost of a post not remembered (never
 * kept, or forgotten among {@code maxPosts} more recent ones) is not kept.
 */
final class WantedPosts {
    private final WantedHashtags hashtags;
    private final RepostJoin keptPosts;

    WantedPosts(WantedHashtags hashtags, int maxPosts) {
        this.hashtags = hashtags;
        this.keptPosts = new RepostJoin(maxPosts);
    }

    /** Whether to write {@code event}; a repost kept gets its post's hashtags. */
    boolean keep(PostEvent event) {
        if (event.retweetOf == null) {
            if (!hashtags.anyOf(event.hashtags)) {
                return false;
            }
            keptPosts.join(event);
            return true;
        }
        // only kept posts are remembered: a repost joined to any hashtags reposts a kept post
        return hashtags.anyOf(keptPosts.join(event).hashtags);
    }
}
