package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentUrisTest {

    @Test
    void aUriIsNewOnceWithinTheBound() {
        RecentUris uris = new RecentUris(3);

        assertThat(uris.firstSighting("https://a.example/1")).isTrue();
        assertThat(uris.firstSighting("https://b.example/2")).isTrue();
        assertThat(uris.firstSighting("https://a.example/1")).isFalse();
        assertThat(uris.size()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlySeenUriIsForgottenFirst() {
        RecentUris uris = new RecentUris(2);
        uris.firstSighting("u1");
        uris.firstSighting("u2");
        uris.firstSighting("u1"); // seen again: now u2 is the least recent

        assertThat(uris.firstSighting("u3")).isTrue(); // u2 forgotten
        assertThat(uris.size()).isEqualTo(2);
        assertThat(uris.firstSighting("u1")).isFalse();
        assertThat(uris.firstSighting("u2")).isTrue(); // forgotten, so new again (the job drops it); u3 goes
        assertThat(uris.firstSighting("u3")).isTrue();
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThatThrownBy(() -> new RecentUris(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of recent uris kept must be at least 1, not 0");
    }
}
