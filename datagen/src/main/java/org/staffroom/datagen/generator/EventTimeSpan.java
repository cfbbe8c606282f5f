package org.staffroom.datagen.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.staffroom.platforms.publish.Progress;

/**
 * Where a generation is: how far through its event-time span, since the number of posts is only
 * known at the end.
 */
public final class EventTimeSpan implements Progress.Position {
    private final long startMillis;
    private final long endMillis;
    private volatile long at;

    public EventTimeSpan(long startMillis, long endMillis) {
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.at = startMillis;
    }

    /** Called by the generating thread: the event time of the latest post. */
    public void update(long eventTimeMillis) {
        this.at = eventTimeMillis;
    }

    @Override
    public String describe() {
        long t = at;
        return String.format(Locale.ROOT, "at %s (%.0f%%)", Instant.ofEpochMilli(t).truncatedTo(ChronoUnit.MINUTES),
                100 * fractionDone());
    }

    @Override
    public double fractionDone() {
        return Math.max(0, Math.min(1.0, (double) (at - startMillis) / (endMillis - startMillis)));
    }
}
