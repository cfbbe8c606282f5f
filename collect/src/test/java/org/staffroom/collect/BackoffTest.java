package org.staffroom.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void itDoublesUpToItsMaximumAndStartsOverOnceAConnectionDelivered() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(Stream.generate(backoff::next).limit(5).map(Duration::toSeconds)).containsExactly(1L, 2L, 4L, 5L, 5L);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void itIsPositiveAndAtMostItsMaximum() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reconnect delay must be positive and at most its maximum, not 2000ms up to 1000ms");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
