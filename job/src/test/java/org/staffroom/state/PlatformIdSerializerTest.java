package org.staffroom.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformIdSerializerTest {
    private static final PlatformIdSerializer SERIALIZER = PlatformIdSerializer.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {
            "twitter\u00001880000000000000001", "mastodon\u0000113204000000000001", "bluesky\u0000did:plc:abc123",
            "unknown\u000042", "twitter\u00000", "twitter\u00007", "twitter\u0000007", "twitter\u000000",
            "twitter\u0000-5", "twitter\u0000-0", "twitter\u0000+5", "twitter\u00009223372036854775807",
            "twitter\u00009223372036854775808", "twitter\u000018446744073709551616", "twitter\u0000 12",
            "twitter\u000012a", "twitter\u0000", "\u0000", "\u000012", "threads\u000012", "threads\u0000abc",
            "Twitter\u000012", "twitterx\u000012", "twitte\u000012", "twitter\u000072057594037927935",
            "twitter\u000072057594037927936", "mastodon\u0000héllo wörld", "bluesky\u0000日本語の投稿",
            "twitter\u0000\ud83d\ude00", "twitter\u0000\ud800 lone surrogate", "платформа\u0000автор",
            "", "plain mention", "lehrerzimmer", "twitter\u0000a\u0000b"})
    void everyKeyReadsBackAsWritten(String key) throws Exception {
        assertThat(Serialized.roundTrip(SERIALIZER, key)).isEqualTo(key);
    }

    @Test
    void veryLongIdsReadBackAsWritten() throws Exception {
        String longText = "x".repeat(100_000) + "é";
        String longDigits = "1".repeat(300);
        for (String key : List.of("bluesky\u0000" + longText, "twitter\u0000" + longDigits, longText)) {
            assertThat(Serialized.roundTrip(SERIALIZER, key)).isEqualTo(key);
        }
    }

    @Test
    void keysThatDifferOnlyInSpellingStayDistinct() throws Exception {
        List<String> keys = List.of("twitter\u00007", "twitter\u000007", "twitter\u0000007", "twitter\u0000-7",
                "twitter\u0000+7", "unknown\u00007", "mastodon\u00007", "twitter7", "twitter\u00009223372036854775807",
                "twitter\u000009223372036854775807", "twitter\u0000-9223372036854775808");
        Set<String> bytes = new HashSet<>();
        List<String> read = new ArrayList<>();
        for (String key : keys) {
            bytes.add(new String(Serialized.bytes(SERIALIZER, key), java.nio.charset.StandardCharsets.ISO_8859_1));
            read.add(Serialized.roundTrip(SERIALIZER, key));
        }
        assertThat(bytes).hasSameSizeAs(keys);
        assertThat(read).isEqualTo(keys);
    }

    @Test
    void aKnownPlatformIsOneByteAndANumericIdANumber() throws Exception {
        // the generator's authors: 10,000,000 + n
        assertThat(Serialized.bytes(SERIALIZER, "twitter\u000010000042")).hasSize(1 + 4);
        // a snowflake of 2025: eight bytes, not 19 characters
        assertThat(Serialized.bytes(SERIALIZER, "twitter\u00001880000000000000001")).hasSize(1 + 8);
        assertThat(Serialized.bytes(SERIALIZER, "bluesky\u0000did:plc:abc")).hasSize(1 + 1 + 11);
        assertThat(Serialized.bytes(SERIALIZER, "threads\u00007")).hasSize(1 + 8 + 1);
        assertThat(Serialized.bytes(SERIALIZER, "twitter\u0000007")).hasSize(1 + 1 + 3);
    }

    @Test
    void stateOfThisFormatRestoresAndAnyOtherDoesNot() throws Exception {
        assertThat(Serialized.restoring(SERIALIZER, SERIALIZER.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(Serialized.snapshotReadBack(SERIALIZER.snapshotConfiguration()).restoreSerializer())
                .isSameAs(SERIALIZER);
        // the keys' earlier form, strings: savepoints of before this format do not restore
        assertThat(Serialized.restoring(SERIALIZER, StringSerializer.INSTANCE.snapshotConfiguration())
                .isIncompatible()).isTrue();
    }
}
