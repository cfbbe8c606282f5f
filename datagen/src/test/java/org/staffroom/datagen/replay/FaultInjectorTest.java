package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static List<Integer> chosen(FaultInjector f, int n, boolean duplicates) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (duplicates ? f.nextIsDuplicated() : f.nextIsFollowedByMalformed()) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void choosesExactlyTheRoundedFraction() {
        for (int n : new int[] {1, 7, 100, 1001, 10_000}) {
            for (double fraction : new double[] {0, 0.001, 0.05, 0.333, 0.5, 1}) {
                FaultInjector f = new FaultInjector(n, n, fraction, fraction, Duration.ZERO);
                assertThat(chosen(f, n, true)).hasSize((int) Math.round(fraction * n));
                assertThat(chosen(f, n, false)).hasSize((int) Math.round(fraction * n));
                assertThat(f.duplicatesPlanned()).isEqualTo(Math.round(fraction * n));
            }
        }
    }

    @Test
    void choicesAreSpreadOverTheWholeFile() {
        FaultInjector f = new FaultInjector(3, 10_000, 0.1, 0, Duration.ZERO);
        List<Integer> c = chosen(f, 10_000, true);
        long firstHalf = c.stream().filter(i -> i < 5_000).count();
        assertThat(firstHalf).isBetween(400L, 600L);
    }

    @Test
    void theSameSeedGivesTheSameDecisionsAndEachFaultHasItsOwnStream() {
        List<Integer> a = chosen(new FaultInjector(42, 5_000, 0.1, 0, Duration.ZERO), 5_000, true);
        List<Integer> b = chosen(new FaultInjector(42, 5_000, 0.1, 0.3, Duration.ofSeconds(30)), 5_000, true);
        List<Integer> c = chosen(new FaultInjector(43, 5_000, 0.1, 0, Duration.ZERO), 5_000, true);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void delaysAreWithinTheBound() {
        FaultInjector f = new FaultInjector(1, 0, 0, 0, Duration.ofSeconds(2));
        long[] d = new long[10_000];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.nextDelayMillis();
        }
        assertThat(Arrays.stream(d).min().getAsLong()).isGreaterThanOrEqualTo(0).isLessThan(50);
        assertThat(Arrays.stream(d).max().getAsLong()).isLessThan(2_000).isGreaterThan(1_950);
        assertThat(new FaultInjector(1, 0, 0, 0, Duration.ZERO).nextDelayMillis()).isZero();
    }

    @Test
    void everySevenMalformedRecordsHoldEveryKind() {
        FaultInjector f = new FaultInjector(9, 100, 0, 1, Duration.ZERO);
        byte[] base = SyntheticPosts.lines(1, 1, 0).get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 70; i++) {
            f.nextMalformed(base);
        }
        assertThat(f.malformedByKind()).hasSize(MalformedRecords.Kind.values().length).allSatisfy((k, v) -> assertThat(v).isEqualTo(10L));
    }
}
