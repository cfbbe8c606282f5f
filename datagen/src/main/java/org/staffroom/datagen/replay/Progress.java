package org.staffroom.datagen.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long replay, a line on stderr every couple of seconds:
 *
 * <pre>
 * replay: 1,234,567 sent, 215,432 records/s, 45.1% read, 00:00:12 left
 * replay: 1,234 sent, 20 records/s, event time 2025-01-09T20:15:00Z, 00:10:00 left
 * </pre>
 *
 * The rate is over the last interval. Time left is estimated, as fast as possible, from the
 * share of the file read so far (bytes, or records against {@code --limit}); when paced, from the
 * event time still to replay (up to the file's last {@code createdAt}) divided by the speed.
 *
 * <p>The replay thread publishes its counters with {@link #update}; a daemon thread prints.
 */
public final class Progress implements AutoCloseable {
    private final long fileBytes;
    private final long recordLimit;
    private final double speed;
    private final long lastEventTime;
    private final LongSupplier nanoTime;
    private final long startNanos;

    private volatile long sent;
    private volatile long read;
    private volatile long bytesRead;
    private volatile long eventTime = EventTimes.NONE;

    private long previousNanos;
    private long previousSent;
    private ScheduledExecutorService printer;

    /**
     * @param fileBytes     the file's size
     * @param recordLimit   {@code --limit}, or {@code Long.MAX_VALUE}
     * @param speed         the speed factor, or 0 when as fast as possible
     * @param lastEventTime the {@code createdAt} of the file's last record, or {@link EventTimes#NONE}
     */
    public Progress(long fileBytes, long recordLimit, double speed, long lastEventTime, LongSupplier nanoTime) {
        this.fileBytes = fileBytes;
        this.recordLimit = recordLimit;
        this.speed = speed;
        this.lastEventTime = lastEventTime;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.previousNanos = startNanos;
    }

    /** Called by the replay thread: records sent, records and bytes read, the latest paced event time. */
    public void update(long sent, long read, long bytesRead, long eventTime) {
        this.sent = sent;
        this.read = read;
        this.bytesRead = bytesRead;
        if (eventTime != EventTimes.NONE) {
            this.eventTime = eventTime;
        }
    }

    /** The progress line now; the rate is since the previous call (or the start). */
    public synchronized String line() {
        long now = nanoTime.getAsLong();
        long s = sent;
        double seconds = (now - previousNanos) / 1e9;
        double rate = seconds > 0 ? (s - previousSent) / seconds : 0;
        previousNanos = now;
        previousSent = s;

        StringBuilder out = new StringBuilder(96);
        out.append(String.format(Locale.ROOT, "replay: %,d sent, %,d records/s", s, Math.round(rate)));
        double done = fractionDone();
        long t = eventTime;
        double secondsLeft = Double.NaN;
        if (speed > 0) {
            if (t != EventTimes.NONE) {
                out.append(", event time ").append(Instant.ofEpochMilli(t));
                if (lastEventTime != EventTimes.NONE && recordLimit == Long.MAX_VALUE) {
                    secondsLeft = Math.max(0, lastEventTime - t) / 1000.0 / speed;
                }
            }
        } else {
            out.append(String.format(Locale.ROOT, ", %.1f%% read", done * 100));
        }
        if (Double.isNaN(secondsLeft) && done > 0) {
            double elapsed = (now - startNanos) / 1e9;
            secondsLeft = elapsed * (1 - done) / done;
        }
        out.append(", ").append(Double.isNaN(secondsLeft) ? "time left unknown" : clock(secondsLeft) + " left");
        return out.toString();
    }

    /** The share of the input read: by bytes, or by records against the limit, whichever is further. */
    double fractionDone() {
        double byBytes = fileBytes > 0 ? Math.min(1.0, (double) bytesRead / fileBytes) : 0;
        double byRecords = recordLimit != Long.MAX_VALUE && recordLimit > 0
                ? Math.min(1.0, (double) read / recordLimit) : 0;
        return Math.max(byBytes, byRecords);
    }

    /** {@code HH:MM:SS}, hours beyond 24 as they are. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Prints {@link #line()} to {@code err} every {@code interval} from a daemon thread, until closed. */
    public void startPrinting(PrintWriter err, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        printer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        long ms = interval.toMillis();
        printer.scheduleAtFixedRate(() -> {
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
