package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.staffroom.model.Post;

class PseudonymsTest {
    private static final byte[] KEY = "a study's key of thirty-two bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPseudonymIsStableForAKeyAndDiffersByKeyPlatformAndId() {
        Pseudonyms one = new Pseudonyms(KEY);
        String alice = one.of("twitter", "42");
        assertThat(alice).matches("p[0-9a-f]{24}").isEqualTo(new Pseudonyms(KEY.clone()).of("twitter", "42"));
        assertThat(one.of("mastodon", "42")).as("the same id on another platform").isNotEqualTo(alice);
        assertThat(one.of("twitter", "43")).isNotEqualTo(alice);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new Pseudonyms(other).of("twitter", "42")).as("another key").isNotEqualTo(alice);
        // the NUL between platform and id cannot be forged: the parser refuses NUL in both
        assertThat(one.ofMention("msreyes")).matches("p[0-9a-f]{24}").isNotEqualTo(one.of("twitter", "msreyes"));
    }

    @Test
    void aShortKeyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new Pseudonyms(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pseudonym key has 31 bytes; at least 32 are needed (e.g. head -c 32 /dev/urandom > key)");
    }

    @Test
    void theParserReplacesEveryNameButCountsTheSameEntities(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path key = dir.resolve("key");
        java.nio.file.Files.write(key, KEY);
        java.time.Duration day = java.time.Duration.ofHours(24);
        Instant min = Instant.parse("2000-01-01T00:00:00Z");
        String json = "{\"id\":\"7\",\"platform\":\"bluesky\",\"createdAt\":\"2025-01-09T20:01:00Z\","
                + "\"author\":{\"id\":\"did:plc:alice\",\"handle\":\"alice.bsky.social\",\"followers\":5},"
                + "\"text\":\"Q1? #UKEdChat @Bob @carol https://eef.org.uk\"}";
        long now = Instant.parse("2025-01-10T00:00:00Z").toEpochMilli();
        Post plain = new PostParser(new ParserSettings(day, min)).parse(json.getBytes(StandardCharsets.UTF_8), now);
        Post hidden = new PostParser(new ParserSettings(day, min, key.toString()))
                .parse(json.getBytes(StandardCharsets.UTF_8), now);

        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        assertThat(hidden.id).isEqualTo(pseudonyms.of("bluesky", "7"));
        assertThat(hidden.authorId).isEqualTo(pseudonyms.of("bluesky", "did:plc:alice"));
        assertThat(hidden.authorHandle).isNull();
        assertThat(hidden.mentions).containsExactly(pseudonyms.ofMention("bob"), pseudonyms.ofMention("carol"));
        assertThat(hidden.hashtags).isEqualTo(plain.hashtags).containsExactly("ukedchat");
        assertThat(hidden.flags).isEqualTo(plain.flags);
        assertThat(hidden.followers).isEqualTo(plain.followers);
        assertThat(hidden.createdAt).isEqualTo(plain.createdAt);
        assertThat(Arrays.toString(hidden.mentions)).doesNotContain("bob", "carol");

        // a deletion names the post as its rows do: by the pseudonym
        byte[] deletion = "{\"deleted\":true,\"platform\":\"bluesky\",\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new PostParser(new ParserSettings(day, min, key.toString())).read(deletion, "t", 0, 0, now).deletion.id)
                .isEqualTo(hidden.id);
    }
}
