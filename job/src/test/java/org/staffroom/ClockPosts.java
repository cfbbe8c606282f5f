package org.staffroom;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts that only move event time on: valid, without hashtags, so counted nowhere. The end of a
 * bounded input leaves the windows it cut short open (contract §4); a test that wants its windows
 * final ends each partition with one of these, as a live stream's later posts would.
 */
public final class ClockPosts {
    /** Later than every test post, and within the job's default --max-future of 24 hours. */
    private static final Duration AHEAD_OF_THE_WALL_CLOCK = Duration.ofHours(12);

    private ClockPosts() {}

    /** A clock post for {@code partition}, half a day ahead of now. */
    public static byte[] ahead(int partition) {
        Instant at = Instant.now().plus(AHEAD_OF_THE_WALL_CLOCK);
        String json = "{\"id\":\"clock-" + partition + "-" + at.toEpochMilli() + "\",\"platform\":\"test-clock\","
                + "\"createdAt\":\"" + at + "\",\"author\":{\"id\":\"clock\"},\"text\":\"moves event time on\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
