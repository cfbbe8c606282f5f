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
    void hoursBeyondADayStayHours() {
        assertThat(Progress.clock(26 * 3600 + 61)).isEqualTo("26:01:01");
        assertThat(Progress.clock(-3)).isEqualTo("00:00:00");
    }
}
