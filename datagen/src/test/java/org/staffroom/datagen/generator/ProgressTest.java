package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void reportsEveryTwoSecondsWithRateAndTimeLeft() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long start = 1_736_121_600_000L; // 2025-01-06T00:00Z
        long end = start + 28L * 86_400_000L;
        Progress progress = new Progress(err, start, end, () -> now[0]);

        now[0] = 1_000_000_000L;
        progress.update(500_000, start + 7L * 86_400_000L);
        assertThat(bytes.size()).isZero(); // not yet two seconds

        now[0] = 2_000_000_000L;
        progress.update(1_000_000, start + 7L * 86_400_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("datagen: 1,000,000 posts, 500,000 posts/s, at 2025-01-13T00:00:00Z (25%), about 6 s left\n");

        now[0] = 3_000_000_000L;
        progress.update(1_500_000, start + 8L * 86_400_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(1);

        now[0] = 8_000_000_000L;
        progress.finish(4_000_000, "posts.jsonl");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList().get(1))
                .isEqualTo("datagen: wrote 4,000,000 posts to posts.jsonl in 8.0 s (500,000 posts/s)");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Progress.duration(42.4)).isEqualTo("42 s");
        assertThat(Progress.duration(125)).isEqualTo("2 min 5 s");
        assertThat(Progress.duration(7260)).isEqualTo("2 h 1 min");
    }
}
