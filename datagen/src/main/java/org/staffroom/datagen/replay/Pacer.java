package org.staffroom.datagen.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces deliveries by event time at a speed factor: the record with event time {@code t} is due
 * {@code (t − t0) / speed} after the start, where {@code t0} is the event time of the first record
 * of the file with a readable {@code createdAt}. {@code --speed 1} replays in real time,
 * {@code --speed 60} one hour of event time per minute.
 *
 * <p>Due times are absolute (measured from the start, not from the previous record), so a
 * pacer that falls behind (a slow broker, a burst of records with one timestamp) catches up
 * instead of drifting. Records due in the past (earlier than {@code t0}, or overdue) go at once;
 * so do records without a readable event time. Waiting parks the thread until the due time:
 * no busy spinning.
 */
public final class Pacer {

    /** Time and waiting, injectable so that tests can check due times without waiting. */
    public interface Clock {
        long nanoTime();

        /** Waits about {@code nanos} (may return early: the pacer checks the time again). */
        void park(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while pacing");
                }
            }
        };
    }

    private final double speed;
    private final Clock clock;
    private boolean started;
    private long originEventMillis;
    private long originNanos;

    public Pacer(double speed, Clock clock) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a number > 0, got " + speed);
        }
        this.speed = speed;
        this.clock = clock;
    }

    /** Starts the schedule now, with {@code eventMillis} (the first record's event time) due at once. */
    public void start(long eventMillis) {
        started = true;
        originEventMillis = eventMillis;
        originNanos = clock.nanoTime();
    }

    public boolean started() {
        return started;
    }

    public double speed() {
        return speed;
    }

    /** The {@link Clock#nanoTime()} at which a record with this event time is due. */
    public long dueNanos(long eventMillis) {
        if (!started) {
            throw new IllegalStateException("the pacer has not started");
        }
        double offsetNanos = (eventMillis - originEventMillis) * 1e6 / speed;
        // an offset beyond ~126 years of nanoseconds: due never (clamped), which no replay reaches
        long offset = (long) Math.max(-4.0e18, Math.min(4.0e18, offsetNanos));
        return originNanos + offset;
    }

    /**
     * Returns when the record with this event time is due (at once if it has none, or the pacer
     * has not started). Returns the nanoseconds waited.
     */
    public long awaitDue(long eventMillis) throws InterruptedException {
        if (!started || eventMillis == EventTimes.NONE) {
            return 0;
        }
        long due = dueNanos(eventMillis);
        long first = clock.nanoTime();
        long now = first;
        while (due - now > 0) {
            clock.park(due - now);
            now = clock.nanoTime();
        }
        return now - first;
    }
}
