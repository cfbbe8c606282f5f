package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.publish.Progress;

class ReplayPositionTest {
    private long now = 5_000_000_000L;
    private ReplayPosition position;
    private Progress progress;

    private void start(long fileBytes, long recordLimit, double speed, long lastEventTime) {
        position = new ReplayPosition(fileBytes, recordLimit, speed, lastEventTime);
        progress = new Progress("replay", "sent", "records", position, () -> now);
    }

    /** The line after {@code seconds} more, with every record read sent. */
    private String lineAfter(long seconds, long sent, long bytesRead, long eventTime) {
        now += seconds * 1_000_000_000L;
        position.update(sent, bytesRead, eventTime);
        progress.update(sent);
        return progress.line();
    }

    @Test
    void asFastAsPossibleShowsCountRateShareReadAndTimeLeft() {
        start(1_000_000, Long.MAX_VALUE, 0, EventTimes.NONE);
        // a quarter of the file in 2 s: 6 s left
        assertThat(lineAfter(2, 500_000, 250_000, EventTimes.NONE))
                .isEqualTo("replay: 500,000 sent, 250,000 records/s, 25.0% read, 00:00:06 left");
        // the rate is over the last interval; time left from the average
        assertThat(lineAfter(2, 900_000, 500_000, EventTimes.NONE))
                .isEqualTo("replay: 900,000 sent, 200,000 records/s, 50.0% read, 00:00:04 left");
    }

    @Test
    void aLimitCountsAsTheShareDone() {
        start(1_000_000_000L, 1_000, 0, EventTimes.NONE);
        assertThat(lineAfter(1, 100, 30_000, EventTimes.NONE))
                .isEqualTo("replay: 100 sent, 100 records/s, 10.0% read, 00:00:09 left");
    }

    @Test
    void pacedShowsEventTimeAndTheEventTimeLeftOverTheSpeed() {
        long t0 = Instant.parse("2025-01-09T20:00:00Z").toEpochMilli();
        start(1_000_000, Long.MAX_VALUE, 60, Instant.parse("2025-01-09T21:00:00Z").toEpochMilli());
        // 58 minutes of event time at 60x: 58 s
        assertThat(lineAfter(2, 40, 12_000, t0 + 120_000))
                .isEqualTo("replay: 40 sent, 20 records/s, event time 2025-01-09T20:02:00Z, 00:00:58 left");
    }

    @Test
    void beforeAnythingIsSentTimeLeftIsUnknown() {
        start(1_000, Long.MAX_VALUE, 0, EventTimes.NONE);
        assertThat(progress.line()).isEqualTo("replay: 0 sent, 0 records/s, 0.0% read, time left unknown");
        start(1_000, Long.MAX_VALUE, 60, EventTimes.NONE);
        assertThat(progress.line()).isEqualTo("replay: 0 sent, 0 records/s, time left unknown");
    }
}
