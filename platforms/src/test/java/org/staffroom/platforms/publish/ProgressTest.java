package org.staffroom.platforms.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private long now = 5_000_000_000L;

    /** A run that knows only its share done. */
    private static Progress.Position at(double[] share) {
        return new Progress.Position() {
            @Override
            public String describe() {
                return "";
            }

            @Override
            public double fractionDone() {
                return share[0];
            }
        };
    }

    @Test
    void theRateIsOverTheLastIntervalAndTimeLeftFromTheShareDone() {
        double[] share = {0.25};
        Progress p = new Progress("run", "done", "items", at(share), () -> now);
        now += 2_000_000_000L;
        p.update(500_000);
        assertThat(p.line()).isEqualTo("run: 500,000 done, 250,000 items/s, 00:00:06 left");
        now += 2_000_000_000L;
        p.update(900_000);
        share[0] = 0.5;
        assertThat(p.line()).isEqualTo("run: 900,000 done, 200,000 items/s, 00:00:04 left");
        assertThat(p.closingLine("nowhere")).isEqualTo("run: wrote 900,000 items to nowhere in 4.0 s (225,000 items/s)");
    }

    @Test
    void aRunWithoutAnEndSaysNothingOfTimeLeft() {
        Progress p = new Progress("job", "read", "records", new Progress.Position() {
            @Override
            public String describe() {
                return "event time 2025-01-07T10:00:00Z";
            }

            @Override
            public double fractionDone() {
                return 0;
            }

            @Override
            public boolean hasEnd() {
                return false;
            }
        }, () -> now);
        now += 4_000_000_000L;
        p.update(1_000);
        assertThat(p.line()).isEqualTo("job: 1,000 read, 250 records/s, event time 2025-01-07T10:00:00Z");
        assertThat(p.closingLine("read", "from edu.posts"))
                .isEqualTo("job: read 1,000 records from edu.posts in 4.0 s (250 records/s)");
    }

    @Test
    void hoursBeyondADayStayHours() {
        assertThat(Progress.clock(26 * 3600 + 61)).isEqualTo("26:01:01");
        assertThat(Progress.clock(-3)).isEqualTo("00:00:00");
    }
}
