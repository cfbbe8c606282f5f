package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffroom.OperatorMetrics;
import org.staffroom.TestHarnesses;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;
import org.staffroom.state.WatermarkMemory;

/**
 * The gauges {@code openWindows} and {@code firstSeenEntries} (README, "Operating Staffroom"):
 * counted where windows and first-seen entries come and go, kept across a restore, on both state
 * layouts.
 */
class StateGaugesTest {
    private static EngagementWindows windows(List<String> sizes, StateBackend backend) {
        return new EngagementWindows(new HashtagScopes(WindowSizes.parse(sizes, ZoneOffset.UTC)), 0, 0, backend);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> restore(
            List<String> sizes, StateBackend backend, OperatorSubtaskState snapshot, OperatorMetrics metrics)
            throws Exception {
        return TestHarnesses.restore(windows(sizes, backend), backend, snapshot, metrics.environment());
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void windowsAndFirstSeenEntriesAreCountedAcrossARestore(StateBackend backend) throws Exception {
        List<String> sizes = List.of("30m", "1d");
        OperatorSubtaskState snapshot;
        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var before = restore(sizes, backend, null, metrics);
            TestHarnesses.feedHashtags(before,
                    post("a1", "2025-01-09T20:01:00Z", "alice").tags("ukedchat", "maths").build(),
                    post("b", "2025-01-09T20:40:00Z", "bob").build(),
                    post("a2", "2025-01-09T20:50:00Z", "alice").build());
            // ukedchat: 30m at 20:00 and 20:30, the day; maths: 30m at 20:00, the day
            assertThat(metrics.gauge("openWindows")).isEqualTo(5L);
            // (ukedchat, alice), (ukedchat, bob), (maths, alice)
            assertThat(metrics.gauge("firstSeenEntries")).isEqualTo(3L);

            before.processWatermark(at("2025-01-09T20:30:00Z"));
            assertThat(metrics.gauge("openWindows")).as("both half hours at 20:00 final, and gone").isEqualTo(3L);
            snapshot = before.snapshot(1, 0);
            before.close();
        }

        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var after = restore(sizes, backend, snapshot, metrics);
            assertThat(metrics.gauge("openWindows")).isEqualTo(3L);
            assertThat(metrics.gauge("firstSeenEntries")).isEqualTo(3L);

            TestHarnesses.feedHashtags(after, post("c", "2025-01-10T09:00:00Z", "carol").tags("maths").build());
            assertThat(metrics.gauge("openWindows")).isEqualTo(5L);
            assertThat(metrics.gauge("firstSeenEntries")).isEqualTo(4L);

            after.processWatermark(WatermarkMemory.END_OF_INPUT);
            assertThat(metrics.gauge("openWindows")).as("written open and kept at the end of the input")
                    .isEqualTo(5L);
            after.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StateBackend.class)
    void windowsOfASizeNoLongerConfiguredAreCountedUntilTheyAreFinal(StateBackend backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var before = restore(List.of("30m", "1d"), backend, null, metrics);
            TestHarnesses.feedHashtags(before, post("a", "2025-01-09T20:01:00Z", "alice").build());
            snapshot = before.snapshot(1, 0);
            before.close();
        }

        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var after = restore(List.of("1d"), backend, snapshot, metrics);
            assertThat(metrics.gauge("openWindows")).as("the half hour and the day").isEqualTo(2L);
            after.processWatermark(at("2025-01-09T20:30:00Z"));
            assertThat(metrics.gauge("openWindows")).as("the half hour final").isEqualTo(1L);
            after.processWatermark(at("2025-01-10T00:00:00Z"));
            assertThat(metrics.gauge("openWindows")).isEqualTo(0L);
            assertThat(metrics.gauge("firstSeenEntries")).as("never forgotten").isEqualTo(1L);
            after.close();
        }
    }
}
