package org.staffroom.datagen.generator;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports a long run on stderr about every two seconds: posts so far, rate, how far through the
 * event-time span it is and an estimate of the time left (from that fraction, since the number of
 * posts is only known at the end).
 */
public final class Progress {
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final long startMillis;
    private final long endMillis;
    private final long began;
    private long lastReport;

    public Progress(PrintStream err, long startMillis, long endMillis) {
        this(err, startMillis, endMillis, System::nanoTime);
    }

    Progress(PrintStream err, long startMillis, long endMillis, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.began = nanoClock.getAsLong();
        this.lastReport = began;
    }

    /** Call now and then (every few thousand posts); prints when two seconds have passed. */
    public void update(long posts, long eventTimeMillis) {
        long now = nanoClock.getAsLong();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        double elapsed = (now - began) / 1e9;
        double fraction = Math.max(1e-9, Math.min(1.0, (double) (eventTimeMillis - startMillis) / (endMillis - startMillis)));
        double left = elapsed / fraction - elapsed;
        err.printf(Locale.ROOT, "datagen: %,d posts, %,.0f posts/s, at %s (%.0f%%), about %s left%n", posts,
                posts / elapsed, Instant.ofEpochMilli(eventTimeMillis).truncatedTo(ChronoUnit.MINUTES),
                100 * fraction, duration(left));
    }

    /** The closing line: how many posts went where, how fast. */
    public void finish(long posts, String destination) {
        double elapsed = Math.max(1e-9, (nanoClock.getAsLong() - began) / 1e9);
        err.printf(Locale.ROOT, "datagen: wrote %,d posts to %s in %.1f s (%,.0f posts/s)%n", posts, destination,
                elapsed, posts / elapsed);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
