package org.staffroom;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.staffroom.platforms.publish.Progress;
import org.staffroom.source.BoundedInput;
import org.staffroom.source.RouteRejected;

/**
 * Where a job is, from its accumulators ({@link RouteRejected#RECORDS_READ} and
 * {@link RouteRejected#EVENT_TIME_REACHED}): the event time it has reached and, for a bounded run
 * whose records are known, the share of them read.
 */
final class JobPosition implements Progress.Position {
    private final Optional<BoundedInput> input;

    private volatile long read;
    private volatile long eventTime = Long.MIN_VALUE;

    /** @param input what a bounded run will read; empty for an unbounded run */
    JobPosition(Optional<BoundedInput> input) {
        this.input = input;
    }

    /** Takes the figures from the job's accumulators (by name, as {@code JobClient} and the job's result give them). */
    void update(Map<String, Object> accumulators) {
        if (accumulators.get(RouteRejected.RECORDS_READ) instanceof Long n) {
            read = n;
        }
        if (accumulators.get(RouteRejected.EVENT_TIME_REACHED) instanceof Long t) {
            eventTime = t;
        }
    }

    long read() {
        return read;
    }

    @Override
    public String describe() {
        StringBuilder out = new StringBuilder();
        long t = eventTime;
        if (t != Long.MIN_VALUE) {
            out.append("event time ").append(Instant.ofEpochMilli(t));
        }
        input.filter(in -> in.records() != BoundedInput.UNKNOWN).ifPresent(in -> out.append(out.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%.1f%% of %,d", fractionDone() * 100, in.records())));
        return out.toString();
    }

    /** The records read against the bounded run's; at most 1, as records written after the start are read too. */
    @Override
    public double fractionDone() {
        long total = input.map(BoundedInput::records).orElse(BoundedInput.UNKNOWN);
        if (total == BoundedInput.UNKNOWN) {
            return 0;
        }
        return total == 0 ? 1 : Math.min(1.0, (double) read / total);
    }

    @Override
    public boolean hasEnd() {
        return input.isPresent();
    }
}
