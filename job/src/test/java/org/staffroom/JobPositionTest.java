package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.source.RouteRejected.EVENT_TIME_REACHED;
import static org.staffroom.source.RouteRejected.RECORDS_READ;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.publish.Progress;
import org.staffroom.source.BoundedInput;

/** The progress lines of a job, from its accumulators, on a clock the test moves. */
class JobPositionTest {
    private static final long TEN_SECONDS = 10_000_000_000L;
    private static final long AT_10_29_59 = Instant.parse("2025-01-07T10:29:59Z").toEpochMilli();

    private long now = 7 * TEN_SECONDS;

    @Test
    void aBoundedRunSaysTheShareReadAndTheTimeLeftAtItsPaceSoFar() {
        JobPosition position = new JobPosition(Optional.of(new BoundedInput(2, 4_000)));
        Progress lines = JobProgress.lines(position, () -> now);
        assertThat(lines.line()).isEqualTo("staffroom: 0 read, 0 records/s, 0.0% of 4,000, time left unknown");

        now += TEN_SECONDS;
        read(lines, position, Map.of(RECORDS_READ, 1_000L, EVENT_TIME_REACHED, AT_10_29_59));
        // a quarter in 10 s: the other three quarters take 30 s
        assertThat(lines.line()).isEqualTo("staffroom: 1,000 read, 100 records/s, event time 2025-01-07T10:29:59Z, "
                + "25.0% of 4,000, 00:00:30 left");

        now += TEN_SECONDS;
        read(lines, position, Map.of());
        assertThat(lines.line()).as("a poll without figures keeps the last ones")
                .isEqualTo("staffroom: 1,000 read, 0 records/s, event time 2025-01-07T10:29:59Z, "
                        + "25.0% of 4,000, 00:01:00 left");

        now += TEN_SECONDS;
        read(lines, position, Map.of(RECORDS_READ, 4_100L, EVENT_TIME_REACHED, AT_10_29_59 + 1000));
        assertThat(lines.line()).as("records written after the start are read too")
                .isEqualTo("staffroom: 4,100 read, 310 records/s, event time 2025-01-07T10:30:00Z, "
                        + "100.0% of 4,000, 00:00:00 left");
        assertThat(lines.closingLine("read", "from edu.posts"))
                .isEqualTo("staffroom: read 4,100 records from edu.posts in 30.0 s (137 records/s)");
    }

    @Test
    void anUnboundedRunSaysNothingOfAnEnd() {
        JobPosition position = new JobPosition(Optional.empty());
        Progress lines = JobProgress.lines(position, () -> now);
        now += TEN_SECONDS;
        read(lines, position, Map.of(RECORDS_READ, 500L, EVENT_TIME_REACHED, Long.MIN_VALUE));
        assertThat(lines.line()).as("no accepted post yet").isEqualTo("staffroom: 500 read, 50 records/s");
    }

    @Test
    void aBoundedRunWhoseOffsetsWereUnreadableKnowsNoTimeLeft() {
        JobPosition position = new JobPosition(Optional.of(new BoundedInput(1, BoundedInput.UNKNOWN)));
        Progress lines = JobProgress.lines(position, () -> now);
        now += TEN_SECONDS;
        read(lines, position, Map.of(RECORDS_READ, 500L, EVENT_TIME_REACHED, AT_10_29_59));
        assertThat(lines.line())
                .isEqualTo("staffroom: 500 read, 50 records/s, event time 2025-01-07T10:29:59Z, time left unknown");
    }

    /** What {@link JobProgress} does with each poll of the accumulators. */
    private static void read(Progress lines, JobPosition position, Map<String, Object> accumulators) {
        position.update(accumulators);
        lines.update(position.read());
    }
}
