package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.staffroom.platforms.publish.Progress;

class EventTimeSpanTest {
    private static final long START = 1_736_121_600_000L; // 2025-01-06T00:00Z
    private static final long DAY = 86_400_000L;
    private long now = 0;

    @Test
    void showsTheEventTimeReachedAndTimeLeftFromTheShareOfTheSpan() {
        EventTimeSpan span = new EventTimeSpan(START, START + 28 * DAY);
        Progress progress = new Progress("datagen", "posts", "posts", span, () -> now);

        now = 2_000_000_000L;
        span.update(START + 7 * DAY + 59_000); // shown to the minute
        progress.update(1_000_000);
        // a quarter of the span in 2 s: 6 s left
        assertThat(progress.line())
                .isEqualTo("datagen: 1,000,000 posts, 500,000 posts/s, at 2025-01-13T00:00:00Z (25%), 00:00:06 left");

        now = 8_000_000_000L;
        progress.update(4_000_000);
        assertThat(progress.closingLine("posts.jsonl"))
                .isEqualTo("datagen: wrote 4,000,000 posts to posts.jsonl in 8.0 s (500,000 posts/s)");
    }

    @Test
    void beforeTheFirstPostTimeLeftIsUnknown() {
        EventTimeSpan span = new EventTimeSpan(START, START + 7 * DAY);
        Progress progress = new Progress("datagen", "posts", "posts", span, () -> now);
        assertThat(progress.line()).isEqualTo("datagen: 0 posts, 0 posts/s, at 2025-01-06T00:00:00Z (0%), time left unknown");
    }
}
