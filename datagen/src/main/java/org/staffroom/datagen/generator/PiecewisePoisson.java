package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * Arrival times of a Poisson process whose rate is constant within segments (an hour of the day, a
 * phase of a chat). Gaps are drawn exactly, by spending an exponential amount of "expected posts"
 * across segments, so there is no rejection and a quiet night costs nothing.
 *
 * <p>{@link StrictMath} rather than {@link Math} here and wherever a random number is transformed:
 * Math may use a platform intrinsic that differs in the last bit, and one bit can move a post by a
 * millisecond and change the order, and so the bytes, on another machine.
 */
final class PiecewisePoisson {
    private final long[] bounds;
    private final double[] ratePerMilli;
    private int segment;

    /** Segment i is [bounds[i], bounds[i+1]) with {@code ratePerMilli[i]} expected arrivals per ms. */
    PiecewisePoisson(long[] bounds, double[] ratePerMilli) {
        if (bounds.length != ratePerMilli.length + 1) {
            throw new IllegalArgumentException("one more bound than rates");
        }
        this.bounds = bounds;
        this.ratePerMilli = ratePerMilli;
    }

    /** The first arrival after {@code t} (t itself when very close), or {@link Long#MAX_VALUE} after the last segment. */
    long next(long t, SplittableRandom random) {
        double need = -StrictMath.log(1.0 - random.nextDouble());
        if (t < bounds[0]) {
            t = bounds[0];
        }
        while (segment < ratePerMilli.length && bounds[segment + 1] <= t) {
            segment++;
        }
        while (segment < ratePerMilli.length) {
            double rate = ratePerMilli[segment];
            long end = bounds[segment + 1];
            if (rate > 0) {
                double available = rate * (end - t);
                if (need < available) {
                    return Math.min(end - 1, t + (long) (need / rate));
                }
                need -= available;
            }
            t = end;
            segment++;
        }
        return Long.MAX_VALUE;
    }
}
