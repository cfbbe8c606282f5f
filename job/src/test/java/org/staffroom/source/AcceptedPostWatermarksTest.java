package org.staffroom.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.RejectedPost;

class AcceptedPostWatermarksTest {
    private static final long T = Instant.parse("2025-01-09T20:00:00Z").toEpochMilli();

    private final ManualClock clock = new ManualClock();
    private final AcceptedPostWatermarks generator =
            new AcceptedPostWatermarks(Duration.ofSeconds(30), Duration.ofSeconds(2), false, clock);
    /** What the generator told its output, in order: "wm <millis>", "idle", "active". */
    private final List<String> said = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            said.add("wm " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            said.add("idle");
        }

        @Override
        public void markActive() {
            said.add("active");
        }
    };

    private static ParsedRecord accepted(long createdAt) {
        Post p = new Post();
        p.createdAt = createdAt;
        return ParsedRecord.accepted(p);
    }

    private static ParsedRecord rejected() {
        return ParsedRecord.rejected(new RejectedPost());
    }

    private void emitAfter(long millis) {
        clock.advanceTime(Duration.ofMillis(millis));
        generator.onPeriodicEmit(output);
    }

    @Test
    void theWatermarkTrailsTheLatestAcceptedPostByTheOutOfOrderness() {
        emitAfter(200);
        assertThat(said).as("nothing before the first accepted post").isEmpty();
        generator.onEvent(accepted(T), T, output);
        generator.onEvent(accepted(T - 60_000), T - 60_000, output);
        generator.onEvent(rejected(), Long.MIN_VALUE, output);
        emitAfter(200);
        generator.onEvent(accepted(T + 1_000), T + 1_000, output);
        emitAfter(200);
        assertThat(said).containsExactly("wm " + (T - 30_001), "wm " + (T + 1_000 - 30_001));
    }

    @Test
    void aPartitionOfRejectedRecordsOnlyGoesIdleAfterTheTimeout() {
        for (int i = 0; i < 10; i++) {
            generator.onEvent(rejected(), Long.MIN_VALUE, output);
            emitAfter(200);
        }
        assertThat(said).as("2.0 s: not more than the timeout yet").isEmpty();
        generator.onEvent(rejected(), Long.MIN_VALUE, output);
        emitAfter(200);
        generator.onEvent(rejected(), Long.MIN_VALUE, output);
        emitAfter(200);
        assertThat(said).as("2.2 s, and once only").containsExactly("idle");
    }

    @Test
    void rejectedRecordsAreNoActivityAndAnAcceptedPostEndsIdleness() {
        generator.onEvent(accepted(T), T, output);
        emitAfter(200);
        for (int i = 0; i < 11; i++) {
            generator.onEvent(rejected(), Long.MIN_VALUE, output);
            emitAfter(200);
        }
        generator.onEvent(accepted(T - 5_000), T - 5_000, output);
        emitAfter(200);
        // the post at 0.2 s is activity until 2.2 s; idle at the first emit more than 2 s later
        List<String> expected = new ArrayList<>(Collections.nCopies(11, "wm " + (T - 30_001)));
        expected.addAll(List.of("idle", "active", "wm " + (T - 30_001)));
        assertThat(said).isEqualTo(expected);
    }

    @Test
    void aBoundedRunTakesItsWatermarksFromThePostsAMinuteAtATime() {
        AcceptedPostWatermarks bounded =
                new AcceptedPostWatermarks(Duration.ofSeconds(30), Duration.ofSeconds(2), true, clock);
        bounded.onEvent(accepted(T), T, output);
        bounded.onEvent(accepted(T + 59_999), T + 59_999, output);
        bounded.onEvent(rejected(), Long.MIN_VALUE, output);
        clock.advanceTime(Duration.ofMillis(200));
        bounded.onPeriodicEmit(output);
        bounded.onEvent(accepted(T + 60_000), T + 60_000, output);
        bounded.onEvent(accepted(T + 90_000), T + 90_000, output);
        bounded.onEvent(accepted(T + 130_000), T + 130_000, output);
        assertThat(said).as("never on the wall clock; a step once event time moved a minute on").containsExactly(
                "wm " + (T - 30_001), "wm " + (T + 60_000 - 30_001), "wm " + (T + 130_000 - 30_001));
    }
}
