package org.staffroom.datagen.generator;

/**
 * When teachers post outside the chats, by UK local day and hour: an early-morning peak before
 * school, a lunchtime blip, and most of all the evening after the marking; Saturdays are quiet and
 * Sunday evenings busy (planning for the week). Normalised to a mean of 1 over the week, so the
 * configured rate is the average.
 */
final class DiurnalProfile {
    private static final double[] WEEKDAY = {
        0.25, 0.10, 0.05, 0.05, 0.10, 0.50, 1.20, 1.50, 0.90, 0.60, 0.70, 0.80,
        1.20, 0.90, 0.60, 0.80, 1.20, 1.30, 1.40, 1.80, 2.00, 1.90, 1.20, 0.60,
    };
    private static final double[] SATURDAY = {
        0.30, 0.15, 0.05, 0.05, 0.05, 0.20, 0.40, 0.60, 0.80, 1.00, 1.00, 0.90,
        0.80, 0.70, 0.60, 0.60, 0.60, 0.60, 0.70, 0.80, 0.90, 0.80, 0.60, 0.40,
    };
    private static final double[] SUNDAY = {
        0.30, 0.15, 0.05, 0.05, 0.05, 0.20, 0.50, 0.70, 0.90, 1.00, 1.00, 1.00,
        0.90, 0.90, 1.00, 1.20, 1.40, 1.60, 1.90, 2.30, 2.60, 2.20, 1.40, 0.70,
    };
    private static final double[][] WEIGHTS = new double[7][];

    static {
        double sum = 0;
        for (int d = 0; d < 7; d++) {
            WEIGHTS[d] = d < 5 ? WEEKDAY : d == 5 ? SATURDAY : SUNDAY;
            for (double w : WEIGHTS[d]) {
                sum += w;
            }
        }
        double mean = sum / (7 * 24);
        for (int d = 0; d < 7; d++) {
            double[] normalised = new double[24];
            for (int h = 0; h < 24; h++) {
                normalised[h] = WEIGHTS[d][h] / mean;
            }
            WEIGHTS[d] = normalised;
        }
    }

    private DiurnalProfile() {}

    /** Relative activity at local {@code hour} of day {@code dayOfWeek} (Monday = 0); mean 1. */
    static double weight(int dayOfWeek, int hour) {
        return WEIGHTS[dayOfWeek][hour];
    }
}
