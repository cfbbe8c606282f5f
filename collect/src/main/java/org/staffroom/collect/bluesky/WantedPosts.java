package org.staffroom.collect.bluesky;

import org.staffroom.collect.output.ConversionWriter;
import org.staffroom.collect.output.KeptIds;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.bluesky.RepostJoin;

/**
 * Which converted Jetstream events a collector writes: the posts with a wanted hashtag, the reposts
 * of those posts, and the deletions of either. The posts kept are remembered, by uri, in a
 * {@link RepostJoin} of bounded size, which gives a repost its post's hashtags; a repost of a post
 * not remembered (never kept, or forgotten among {@code maxPosts} more recent ones) is not kept.
 * The ids of the posts and reposts kept are remembered likewise, the last {@code maxPosts}, so that
 * their deletions are written and the network's others are not.
 */
final class WantedPosts implements ConversionWriter.Selection {
    private final WantedHashtags hashtags;
    private final RepostJoin keptPosts;
    private final KeptIds keptIds;

    WantedPosts(WantedHashtags hashtags, int maxPosts) {
        this.hashtags = hashtags;
        this.keptPosts = new RepostJoin(maxPosts);
        this.keptIds = new KeptIds(maxPosts);
    }

    /** Whether to write {@code event}; a repost kept gets its post's hashtags. */
    @Override
    public boolean keep(PostEvent event) {
        boolean wanted;
        if (event.retweetOf == null) {
            wanted = hashtags.anyOf(event.hashtags);
            if (wanted) {
                keptPosts.join(event);
            }
        } else {
            // only kept posts are remembered: a repost joined to any hashtags reposts a kept post
            wanted = hashtags.anyOf(keptPosts.join(event).hashtags);
        }
        if (wanted) {
            keptIds.add(event.id);
        }
        return wanted;
    }

    @Override
    public boolean kept(String postId) {
        return keptIds.contains(postId);
    }

    /**
     * Jetstream carries every post of the network: of those that cannot be mapped only the ones naming
     * a wanted hashtag are worth a person's look.
     */
    @Override
    public boolean worthRejecting(Conversion.Unmappable unmappable) {
        return hashtags.namedIn(unmappable.source());
    }
}
