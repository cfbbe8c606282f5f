package org.staffroom.platforms.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.staffroom.platforms.bluesky.JetstreamConverterTest.CAFE_POST;
import static org.staffroom.platforms.bluesky.JetstreamConverterTest.DAVIES;
import static org.staffroom.platforms.bluesky.JetstreamConverterTest.UNSEEN_POST;
import static org.staffroom.platforms.bluesky.JetstreamConverterTest.bluesky;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.Fixtures;
import org.staffroom.platforms.PostEvent;

class RepostJoinTest {

    @Test
    void aRepostCountsForTheHashtagsOfThePostItReposts() {
        List<PostEvent> events = Fixtures.convertLines(new JetstreamConverter(Map.of(), 10), "bluesky/jetstream.jsonl")
                .stream()
                .filter(Conversion.Converted.class::isInstance)
                .map(c -> ((Conversion.Converted) c).event())
                .toList();
        RepostJoin join = new RepostJoin();

        List<String> joined = events.stream().map(join::join).map(PostEvent::toJson).toList();

        assertThat(joined.subList(0, 3)).containsExactlyElementsOf(
                JetstreamConverterTest.STREAM_EVENTS.subList(1, 4));
        assertThat(joined.subList(3, 5)).containsExactly(
                bluesky("at://" + DAVIES + "/app.bsky.feed.repost/3lbfxvb2ajs2d", "2024-11-21T20:05:00.000Z", DAVIES)
                        .hashtags("ukedchat", "edchat").mentions().urls().retweetOf(CAFE_POST).toJson(),
                // its post was never seen: no hashtags
                bluesky("at://" + DAVIES + "/app.bsky.feed.repost/3lbfxvx4mcs2e", "2024-11-21T20:05:30.000Z", DAVIES)
                        .hashtags().mentions().urls().retweetOf(UNSEEN_POST).toJson());
    }

    @Test
    void itRemembersOnlyTheMostRecentPostsAndLeavesOtherPlatformsAlone() {
        RepostJoin join = new RepostJoin(1);
        join.join(post("at://a/app.bsky.feed.post/1", "first"));
        join.join(post("at://a/app.bsky.feed.post/2", "second"));

        assertThat(join.join(repost("at://a/app.bsky.feed.post/1")).hashtags).isEmpty();
        assertThat(join.join(repost("at://a/app.bsky.feed.post/2")).hashtags).containsExactly("second");
        PostEvent retweet = PostEvent.of("9", "2024-11-21T20:00:00Z", "7").platform("twitter")
                .hashtags().retweetOf("at://a/app.bsky.feed.post/2");
        assertThat(join.join(retweet).hashtags).isEmpty();
    }

    @Test
    void itsSizeIsAtLeastOne() {
        assertThatThrownBy(() -> new RepostJoin(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of Bluesky posts remembered for reposts must be at least 1, not 0");
    }

    private static PostEvent post(String id, String hashtag) {
        return bluesky(id, "2024-11-21T20:00:00Z", "did:plc:a").hashtags(hashtag).mentions().urls();
    }

    private static PostEvent repost(String of) {
        return bluesky("at://b/app.bsky.feed.repost/" + of.hashCode(), "2024-11-21T20:01:00Z", "did:plc:b")
                .hashtags().mentions().urls().retweetOf(of);
    }
}
