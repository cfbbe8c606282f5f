package org.staffroom.platforms.publish;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long run (generate, replay, import, collect), a line on stderr every couple of seconds:
 *
 * <pre>
 * datagen: 1,000,000 posts, 500,000 posts/s, at 2025-01-13T00:00:00Z (25%), 00:00:06 left
 * replay: 1,234,567 sent, 215,432 records/s, 45.1% read, 00:00:12 left
 * replay: 1,234 sent, 20 records/s, event time 2025-01-09T20:15:00Z, 00:10:00 left
 * staffroom: 1,234,567 read, 21,345 records/s, event time 2025-01-09T20:15:00Z, 45.1% of 2,737,000, 00:01:12 left
 * </pre>
 *
 * The count and where the run is come from the run; the rate is over the last interval; time
 * left is what the run's {@link Position} knows, else estimated from the share done so far.
 *
 * <p>The run publishes its count with {@link #update}, or a {@code refresh} fetches it before each
 * line (a job running on a cluster); a daemon thread prints, so that a run paced by event time,
 * waiting between records, still reports.
 */
public final class Progress implements AutoCloseable {

    /** Where a run is; read by the printing thread while the run advances. */
    public interface Position {
        /** Where the run is, e.g. {@code 45.1% read}; empty when there is nothing to say yet. */
        String describe();

        /** The share of the run done, 0 to 1; 0 while unknown. */
        double fractionDone();

        /** Seconds left when the run knows them better than from {@link #fractionDone} (a paced replay), else NaN. */
        default double secondsLeft() {
            return Double.NaN;
        }

        /** False for a run without an end (an unbounded job): its lines say nothing of time left. */
        default boolean hasEnd() {
            return true;
        }
    }

    private final String name;
    private final String counted;
    private final String unit;
    private final Position position;
    private final LongSupplier nanoTime;
    private final long startNanos;

    private volatile long count;

    private long previousNanos;
    private long previousCount;
    private ScheduledExecutorService printer;

    /**
     * @param name    the line's prefix, the command's name
     * @param counted what the count is, e.g. {@code posts} or {@code sent}
     * @param unit    what the rate counts per second, e.g. {@code records}
     */
    public Progress(String name, String counted, String unit, Position position, LongSupplier nanoTime) {
        this.name = name;
        this.counted = counted;
        this.unit = unit;
        this.position = position;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.previousNanos = startNanos;
    }

    /** Called by the run: how many so far. */
    public void update(long count) {
        this.count = count;
    }

    /** The progress line now; the rate is since the previous call (or the start). */
    public synchronized String line() {
        long now = nanoTime.getAsLong();
        long n = count;
        double seconds = (now - previousNanos) / 1e9;
        double rate = seconds > 0 ? (n - previousCount) / seconds : 0;
        previousNanos = now;
        previousCount = n;

        StringBuilder out = new StringBuilder(96);
        out.append(String.format(Locale.ROOT, "%s: %,d %s, %,d %s/s", name, n, counted, Math.round(rate), unit));
        String where = position.describe();
        if (!where.isEmpty()) {
            out.append(", ").append(where);
        }
        if (!position.hasEnd()) {
            return out.toString();
        }
        double secondsLeft = position.secondsLeft();
        double done = position.fractionDone();
        if (Double.isNaN(secondsLeft) && done > 0) {
            double elapsed = (now - startNanos) / 1e9;
            secondsLeft = elapsed * (1 - done) / done;
        }
        out.append(", ").append(Double.isNaN(secondsLeft) ? "time left unknown" : clock(secondsLeft) + " left");
        return out.toString();
    }

    /** The closing line: how many went where, how fast, since the start. */
    public String closingLine(String destination) {
        return closingLine("wrote", "to " + destination);
    }

    /** The closing line of a run that did something else than write, e.g. {@code read} … {@code from edu.posts}. */
    public String closingLine(String verb, String where) {
        long n = count;
        double elapsed = Math.max(1e-9, (nanoTime.getAsLong() - startNanos) / 1e9);
        return String.format(Locale.ROOT, "%s: %s %,d %s %s in %.1f s (%,.0f %s/s)", name, verb, n, unit, where,
                elapsed, n / elapsed, unit);
    }

    /** {@code HH:MM:SS}, hours beyond 24 as they are. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Prints {@link #line()} to {@code err} every {@code interval} from a daemon thread, until closed; 0: never. */
    public void startPrinting(PrintWriter err, Duration interval) {
        startPrinting(err, interval, () -> {});
    }

    /** As {@link #startPrinting(PrintWriter, Duration)}, running {@code refresh} (which fetches the figures) before each line. */
    public void startPrinting(PrintWriter err, Duration interval, Runnable refresh) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        printer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name + "-progress");
            thread.setDaemon(true);
            return thread;
        });
        long ms = interval.toMillis();
        printer.scheduleAtFixedRate(() -> {
            refresh.run();
            err.println(line());
            err.flush();
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.shutdownNow();
            try {
                printer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
