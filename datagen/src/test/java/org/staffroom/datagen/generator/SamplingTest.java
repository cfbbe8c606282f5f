package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two random building blocks: weighted choice and piecewise-constant Poisson arrivals. */
class SamplingTest {

    @Test
    void aliasTableSamplesInProportionToTheWeights() {
        double[] weights = {1, 2, 3, 4, 0};
        AliasTable table = new AliasTable(weights);
        int[] counts = new int[weights.length];
        SplittableRandom r = new SplittableRandom(1);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[table.sample(r)]++;
        }
        for (int i = 0; i < weights.length; i++) {
            assertThat((double) counts[i] / n).isCloseTo(weights[i] / 10, within(0.005));
        }
    }

    @Test
    void poissonArrivalsFollowTheRateOfEachSegment() {
        long hour = LocalClock.HOUR;
        long[] bounds = {0, hour, 2 * hour, 3 * hour};
        double[] rates = {1000.0 / hour, 0, 4000.0 / hour};
        PiecewisePoisson arrivals = new PiecewisePoisson(bounds, rates);
        SplittableRandom r = new SplittableRandom(2);
        int[] perSegment = new int[3];
        long t = 0;
        long previous = 0;
        while ((t = arrivals.next(t, r)) != Long.MAX_VALUE) {
            assertThat(t).isGreaterThanOrEqualTo(previous).isLessThan(3 * hour);
            perSegment[(int) (t / hour)]++;
            previous = t;
        }
        assertThat(perSegment[0]).isBetween(900, 1100);
        assertThat(perSegment[1]).isZero();
        assertThat(perSegment[2]).isBetween(3800, 4200);
    }

    @Test
    void theDiurnalProfileAveragesToOne() {
        double sum = 0;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                sum += DiurnalProfile.weight(d, h);
            }
        }
        assertThat(sum / (7 * 24)).isCloseTo(1.0, within(1e-9));
        assertThat(DiurnalProfile.weight(0, 20)).isGreaterThan(DiurnalProfile.weight(0, 3) * 10);
    }

    @Test
    void theBackgroundRateIsTheAverage() {
        GeneratorConfig config = GeneratorConfig.builder().weeks(2).community(500).rate(200).build();
        PostGenerator generator = new PostGenerator(config);
        long background = 0;
        java.util.List<ChatSchedule.Session> sessions = generator.sessions();
        while (generator.advance()) {
            long t = generator.current().timeMillis();
            boolean nearChat = sessions.stream().anyMatch(s -> t >= s.startMillis() - LocalClock.HOUR
                    && t < s.endMillis() + LocalClock.HOUR);
            if (!nearChat) {
                background++;
            }
        }
        double hours = 14 * 24 - sessions.size() * 2.5;
        // newcomers' first posts add a little; within 10% of the configured rate
        assertThat(background / hours).isBetween(180.0, 225.0);
    }
}
