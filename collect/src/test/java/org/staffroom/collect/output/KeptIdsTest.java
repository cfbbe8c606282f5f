package org.staffroom.collect.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeptIdsTest {

    @Test
    void anIdIsNewOnceWithinTheBound() {
        KeptIds ids = new KeptIds(3);

        assertThat(ids.add("https://a.example/1")).isTrue();
        assertThat(ids.add("https://b.example/2")).isTrue();
        assertThat(ids.add("https://a.example/1")).isFalse();
        assertThat(ids.contains("https://b.example/2")).isTrue();
        assertThat(ids.contains("https://c.example/3")).isFalse();
        assertThat(ids.size()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlySeenIdIsForgottenFirst() {
        KeptIds ids = new KeptIds(2);
        ids.add("u1");
        ids.add("u2");
        ids.contains("u1"); // asked about: now u2 is the least recent

        assertThat(ids.add("u3")).isTrue(); // u2 forgotten
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.contains("u2")).isFalse();
        assertThat(ids.add("u1")).isFalse();
        assertThat(ids.add("u2")).isTrue(); // forgotten, so new again (the job drops it); u3 goes
        assertThat(ids.contains("u3")).isFalse();
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThatThrownBy(() -> new KeptIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of kept post ids remembered must be at least 1, not 0");
    }
}
