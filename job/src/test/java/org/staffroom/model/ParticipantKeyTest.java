package org.staffroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantKeyTest {

    private static String key(String platform, String authorId) {
        Post post = new Post();
        post.platform = platform;
        post.authorId = authorId;
        return ParticipantKey.of(post);
    }

    @Test
    void aKeyTellsItsPlatformAndAuthorApart() {
        String key = key("bluesky", "did:plc:x\u0001");
        assertThat(ParticipantKey.platformOf(key)).isEqualTo("bluesky");
        assertThat(ParticipantKey.authorIdOf(key)).isEqualTo("did:plc:x\u0001");
    }

    @Test
    void aKeyIsOnItsOwnPlatformOnly() {
        String x = key("x", "42");
        assertThat(ParticipantKey.isOn(x, "x")).isTrue();
        // a platform whose name begins with another's, or is a part of the author id
        assertThat(ParticipantKey.isOn(key("xx", "42"), "x")).isFalse();
        assertThat(ParticipantKey.isOn(x, "xx")).isFalse();
        assertThat(ParticipantKey.isOn(x, "x\u000042")).isFalse();
        assertThat(ParticipantKey.isOn(x, "")).isFalse();
        assertThat(ParticipantKey.isOn(key("", "42"), "")).isTrue();
        assertThat(ParticipantKey.isOn(key("mastodon", ""), "mastodon")).isTrue();
    }
}
