package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private long now = 5_000_000_000L;

    @Test
    void asFastAsPossibleShowsCountRateShareReadAndTimeLeft() {
        Progress p = new Progress(1_000_000, Long.MAX_VALUE, 0, EventTimes.NONE, () -> now);
        now += 2_000_000_000L;
        p.update(500_000, 500_000, 250_000, EventTimes.NONE);
        // a quarter of the file in 2 s: 6 s left
        assertThat(p.line()).isEqualTo("replay: 500,000 sent, 250,000 records/s, 25.0% read, 00:00:06 left");
        now += 2_000_000_000L;
        p.update(900_000, 900_000, 500_000, EventTimes.NONE);
        // the rate is over the last interval; time left from the average
        assertThat(p.line()).isEqualTo("replay: 900,000 sent, 200,000 records/s, 50.0% read, 00:00:04 left");
    }

    @Test
    void aLimitCountsAsTheShareDone() {
        Progress p = new Progress(1_000_000_000L, 1_000, 0, EventTimes.NONE, () -> now);
        now += 1_000_000_000L;
        p.update(100, 100, 30_000, EventTimes.NONE);
        assertThat(p.line()).isEqualTo("replay: 100 sent, 100 records/s, 10.0% read, 00:00:09 left");
    }

    @Test
    void pacedShowsEventTimeAndTheEventTimeLeftOverTheSpeed() {
        long t0 = Instant.parse("2025-01-09T20:00:00Z").toEpochMilli();
        long last = Instant.parse("2025-01-09T21:00:00Z").toEpochMilli();
        Progress p = new Progress(1_000_000, Long.MAX_VALUE, 60, last, () -> now);
        now += 2_000_000_000L;
        p.update(40, 40, 12_000, t0 + 120_000);
        // 58 minutes of event time at 60x: 58 s
        assertThat(p.line()).isEqualTo("replay: 40 sent, 20 records/s, event time 2025-01-09T20:02:00Z, 00:00:58 left");
    }

    @Test
    void beforeAnythingIsSentTimeLeftIsUnknown() {
        Progress p = new Progress(1_000, Long.MAX_VALUE, 0, EventTimes.NONE, () -> now);
        assertThat(p.line()).isEqualTo("replay: 0 sent, 0 records/s, 0.0% read, time left unknown");
    }

    @Test
    void hoursBeyondADayStayHours() {
        assertThat(Progress.clock(26 * 3600 + 61)).isEqualTo("26:01:01");
        assertThat(Progress.clock(-3)).isEqualTo("00:00:00");
    }
}
