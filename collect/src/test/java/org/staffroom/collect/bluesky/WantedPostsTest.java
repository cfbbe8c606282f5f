package org.staffroom.collect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.PostEvent;

class WantedPostsTest {
    private static final WantedHashtags CHATS = new WantedHashtags(List.of("#UKEdChat", "sltchat"));

    @Test
    void hashtagsAreComparedAsTheContractNormalisesThem() {
        assertThat(CHATS.anyOf(List.of("ukedchat"))).isTrue();
        assertThat(CHATS.anyOf(List.of("mathschat", "#SLTchat"))).isTrue();
        assertThat(CHATS.anyOf(List.of("ＵＫＥｄＣｈａｔ"))).as("full-width, NFKC").isTrue();
        assertThat(CHATS.anyOf(List.of("＃ukedchat"))).as("a full-width #").isTrue();
        assertThat(CHATS.anyOf(List.of("ukedchats", "edchat", "#"))).isFalse();
        assertThat(CHATS.anyOf(List.of())).isFalse();
        assertThat(CHATS.anyOf(null)).isFalse();
        assertThat(CHATS).hasToString("sltchat,ukedchat");
    }

    @Test
    void aRawRecordNamesAWantedHashtagInAnyCase() {
        assertThat(CHATS.namedIn("{\"text\":\"Hello #UKEDCHAT\"}")).isTrue();
        assertThat(CHATS.namedIn("{\"text\":\"Hello #edchat\"}")).isFalse();
    }

    @Test
    void atLeastOneHashtagIsWanted() {
        assertThatThrownBy(() -> new WantedHashtags(List.of("#", "＃")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one hashtag is wanted, not none of [#, ＃]");
    }

    @Test
    void postsWithAWantedHashtagAndTheRepostsOfTheMostRecentOfThemAreKept() {
        WantedPosts wanted = new WantedPosts(CHATS, 2);
        assertThat(wanted.keep(post("p1", "UKEdChat"))).isTrue();
        assertThat(wanted.keep(post("off", "mathschat"))).isFalse();
        assertThat(wanted.keep(post("p2", "sltchat", "edusky"))).isTrue();
        assertThat(wanted.keep(post("p3", "ukedchat"))).isTrue();

        // two posts remembered: p1 is forgotten, p2 and p3 are not; a post not kept never was
        assertThat(wanted.keep(repost("r1", "p1"))).isFalse();
        PostEvent ofP2 = repost("r2", "p2");
        assertThat(wanted.keep(ofP2)).isTrue();
        assertThat(ofP2.hashtags).containsExactly("sltchat", "edusky");
        assertThat(wanted.keep(repost("r3", "p3"))).isTrue();
        assertThat(wanted.keep(repost("r4", "off"))).isFalse();
    }

    @Test
    void theDeletionsOfTheLastKeptPostsAndRepostsAreOursAndNoOthers() {
        WantedPosts wanted = new WantedPosts(CHATS, 3);
        wanted.keep(post("p1", "ukedchat"));
        wanted.keep(post("off", "mathschat"));
        wanted.keep(repost("r1", "p1"));
        wanted.keep(repost("r2", "off"));

        assertThat(wanted.kept("p1")).isTrue();
        assertThat(wanted.kept("r1")).as("a kept repost").isTrue();
        assertThat(wanted.kept("off")).isFalse();
        assertThat(wanted.kept("r2")).isFalse();
        assertThat(wanted.kept("never-seen")).isFalse();

        // three remembered, the least recently used forgotten first: p1, then r1
        wanted.keep(post("p2", "sltchat"));
        wanted.keep(post("p3", "sltchat"));
        assertThat(wanted.kept("p1")).isFalse();
        assertThat(wanted.kept("r1")).isTrue();
    }

    @Test
    void aRecordThatCannotBeMappedIsWorthRejectingWhenItNamesAWantedHashtag() {
        WantedPosts wanted = new WantedPosts(CHATS, 1);
        assertThat(wanted.worthRejecting(new Conversion.Unmappable("bluesky: …", "{\"text\":\"#UKEdChat\"}"))).isTrue();
        assertThat(wanted.worthRejecting(new Conversion.Unmappable("bluesky: …", "{\"text\":\"#edchat\"}"))).isFalse();
    }

    private static PostEvent post(String id, String... hashtags) {
        return PostEvent.of(id, "2025-01-09T20:00:00Z", "did:plc:a").platform("bluesky").hashtags(hashtags);
    }

    private static PostEvent repost(String id, String of) {
        return PostEvent.of(id, "2025-01-09T20:01:00Z", "did:plc:b").platform("bluesky").hashtags().retweetOf(of);
    }
}
