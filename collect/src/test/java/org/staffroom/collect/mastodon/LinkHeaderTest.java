package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
    private static final String MASTODON = "<https://mastodon.social/api/v1/timelines/tag/ukedchat?max_id=113500000000000001>; "
            + "rel=\"next\", <https://mastodon.social/api/v1/timelines/tag/ukedchat?min_id=113500000000000009>; rel=\"prev\"";

    @Test
    void findsEachRelationOfMastodonsPagination() {
        assertThat(LinkHeader.find(MASTODON, "prev")).contains(
                URI.create("https://mastodon.social/api/v1/timelines/tag/ukedchat?min_id=113500000000000009"));
        assertThat(LinkHeader.find(MASTODON, "next")).contains(
                URI.create("https://mastodon.social/api/v1/timelines/tag/ukedchat?max_id=113500000000000001"));
    }

    @Test
    void relationsAreCaseInsensitiveMayBeUnquotedOrSeveralAndMayBeAbsent() {
        assertThat(LinkHeader.find("<https://a.example/1>; title=\"x\"; REL=Prev", "prev"))
                .contains(URI.create("https://a.example/1"));
        assertThat(LinkHeader.find("<https://a.example/2>; rel=\"next prev\"", "prev"))
                .contains(URI.create("https://a.example/2"));
        assertThat(LinkHeader.find("<https://a.example/3>; rel=\"next\"", "prev")).isEmpty();
    }
}
