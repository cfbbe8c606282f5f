package org.staffroom.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.post;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.staffroom.model.Post;

class DeduplicatePostsTest {
    private static final long WEEK = Duration.ofDays(7).toMillis();

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void theFirstDeliveryWinsWithinTheHorizon() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Post, Post> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new DeduplicatePosts(WEEK), Post::identity, Types.STRING);
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
    void forgetsAPostOnceTheHorizonHasPassed() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Post, Post> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new DeduplicatePosts(WEEK), Post::identity, Types.STRING);
        h.open();
        Post p = post("1", "2025-01-09T20:00:00Z", "alice").build();
        h.processElement(p, p.createdAt);
        h.processWatermark(at("2025-01-16T20:00:00Z"));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }
}
