package org.staffroom.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.post;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.staffroom.OperatorMetrics;
import org.staffroom.model.Post;

class DeduplicatePostsTest {
    private static final long WEEK = Duration.ofDays(7).toMillis();

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void theFirstDeliveryWinsWithinTheHorizon() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Integer, Post, Post> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new DeduplicatePosts(WEEK), DeduplicatePosts::bucketOf, Types.INT);
        h.open();
        Post first = post("1", "2025-01-09T20:00:00Z", "alice").followers(10).build();
        Post again = post("1", "2025-01-09T20:00:00Z", "alice").followers(99).build();
        Post otherPlatform = post("1", "2025-01-09T20:00:00Z", "alice").build();
        otherPlatform.platform = "mastodon";

        h.processElement(first, first.createdAt);
        h.processWatermark(at("2025-01-16T19:59:59Z"));
        h.processElement(again, again.createdAt);
        h.processElement(otherPlatform, otherPlatform.createdAt);

        assertThat(h.extractOutputValues()).containsExactly(first, otherPlatform);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void aRepeatAfterTheHorizonCountsAgainAndTheBucketIsSweptSoonAfter() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Integer, Post, Post> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new DeduplicatePosts(WEEK), DeduplicatePosts::bucketOf, Types.INT);
        h.open();
        Post p = post("1", "2025-01-09T20:00:00Z", "alice").build();
        Post later = post("1", "2025-01-09T20:00:00Z", "alice").followers(5).build();
        h.processElement(p, p.createdAt);
        h.processWatermark(at("2025-01-16T20:00:00Z"));
        h.processElement(later, later.createdAt);
        assertThat(h.extractOutputValues()).containsExactly(p, later);
    }

    @Test
    void forgetsAPostOnceTheHorizonHasPassed() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Integer, Post, Post> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new DeduplicatePosts(WEEK), DeduplicatePosts::bucketOf, Types.INT);
        h.open();
        Post p = post("1", "2025-01-09T20:00:00Z", "alice").build();
        Post other = post("2", "2025-01-09T21:00:00Z", "bob").build();
        h.processElement(p, p.createdAt);
        h.processElement(other, other.createdAt);
        // forgotten from 2025-01-16 20:00 and 21:00; sweeps fall on multiples of 21 hours (WEEK / 8)
        // since the epoch, and 2025-01-16 21:00 is one: a single sweep per bucket removes both
        long sweep = at("2025-01-16T21:00:00Z");
        assertThat(sweep % (WEEK / 8)).isZero();
        assertThat(h.numEventTimeTimers()).isEqualTo(
                DeduplicatePosts.bucketOf(p) == DeduplicatePosts.bucketOf(other) ? 1 : 2);
        h.processWatermark(sweep - 1);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        h.processWatermark(sweep);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void postsRememberedCountsThePostsOfTheHorizonAcrossARestore() throws Exception {
        Post p = post("1", "2025-01-09T20:00:00Z", "alice").build();
        Post other = post("2", "2025-01-09T21:00:00Z", "bob").build();
        OperatorSubtaskState snapshot;
        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var before = harness(metrics);
            before.initializeEmptyState();
            before.open();
            before.processElement(p, p.createdAt);
            before.processElement(other, other.createdAt);
            before.processElement(p, p.createdAt);
            assertThat(metrics.gauge("postsRemembered")).as("the repeat dropped").isEqualTo(2L);
            snapshot = before.snapshot(1, 0);
            before.close();
        }

        try (OperatorMetrics metrics = new OperatorMetrics()) {
            var after = harness(metrics);
            after.initializeState(snapshot);
            after.open();
            assertThat(metrics.gauge("postsRemembered")).isEqualTo(2L);
            // p is forgotten from 2025-01-16 20:00 but kept until the sweep at 21:00 (see above): its
            // delivery now remembers it anew, in the same entry
            after.processWatermark(at("2025-01-16T20:30:00Z"));
            after.processElement(p, p.createdAt);
            assertThat(metrics.gauge("postsRemembered")).isEqualTo(2L);
            after.processWatermark(at("2025-01-16T21:00:00Z"));
            assertThat(metrics.gauge("postsRemembered")).as("other swept, p kept until 2025-01-23").isEqualTo(1L);
            after.close();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, Post, Post> harness(OperatorMetrics metrics)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DeduplicatePosts(WEEK)),
                DeduplicatePosts::bucketOf, Types.INT, metrics.environment());
    }
}
