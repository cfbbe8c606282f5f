package org.staffroom.platforms.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void aJsonSourceIsKeptAsJsonAndAnyOtherAsText() {
        assertThat(Rejection.json("bluesky: commit.record.facets[1].index: [7, 99) does not lie within the text",
                "{\"did\":\"did:plc:h\",\"time_us\":1}"))
                .isEqualTo("{\"conversionError\":\"bluesky: commit.record.facets[1].index: [7, 99) does not lie within"
                        + " the text\",\"source\":{\"did\":\"did:plc:h\",\"time_us\":1}}");
        assertThat(Rejection.json("bluesky: not JSON", "{\"did\":"))
                .isEqualTo("{\"conversionError\":\"bluesky: not JSON\",\"source\":\"{\\\"did\\\":\"}");
    }

    @Test
    void aSourceTooLargeForTheJobIsKeptAsAPreview() {
        String large = "[" + "1,".repeat(Rejection.MAX_SOURCE_CHARS) + "1]";
        assertThat(Rejection.json("too large", large))
                .isEqualTo("{\"conversionError\":\"too large\",\"source\":\"" + large.substring(0, Rejection.MAX_SOURCE_CHARS)
                        + "\"}");
    }
}
