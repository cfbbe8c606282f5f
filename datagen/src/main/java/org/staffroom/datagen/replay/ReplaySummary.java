package org.staffroom.datagen.replay;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a replay did, printed at its end. */
public final class ReplaySummary {
    public final long recordsRead;
    public final long originalsSent;
    public final long duplicatesSent;
    public final long malformedSent;
    public final Map<MalformedRecords.Kind, Long> malformedByKind;
    public final long withoutKey;
    /** Records whose {@code createdAt} could not be read, or -1 when event time was not needed. */
    public final long withoutEventTime;
    public final long acknowledged;
    public final long bytesRead;
    public final long elapsedNanos;
    public final long seed;
    public final String topic;

    ReplaySummary(long recordsRead, long originalsSent, long duplicatesSent, long malformedSent,
                  Map<MalformedRecords.Kind, Long> malformedByKind, long withoutKey, long withoutEventTime,
                  long acknowledged, long bytesRead, long elapsedNanos, long seed, String topic) {
        this.recordsRead = recordsRead;
        this.originalsSent = originalsSent;
        this.duplicatesSent = duplicatesSent;
        this.malformedSent = malformedSent;
        this.malformedByKind = Map.copyOf(malformedByKind);
        this.withoutKey = withoutKey;
        this.withoutEventTime = withoutEventTime;
        this.acknowledged = acknowledged;
        this.bytesRead = bytesRead;
        this.elapsedNanos = elapsedNanos;
        this.seed = seed;
        this.topic = topic;
    }

    public long sent() {
        return originalsSent + duplicatesSent + malformedSent;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Records sent per second, over the whole replay (reading, sending and waiting for acknowledgements). */
    public double recordsPerSecond() {
        return elapsedNanos > 0 ? sent() / elapsedSeconds() : 0;
    }

    /** The summary, several lines. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "records read:        %,d (%,.1f MB)%n", recordsRead, bytesRead / 1e6));
        out.append(String.format(Locale.ROOT, "good sent:           %,d (each line of the file once)%n", originalsSent));
        out.append(String.format(Locale.ROOT, "duplicates:          %,d (second deliveries)%n", duplicatesSent));
        out.append(String.format(Locale.ROOT, "malformed inserted:  %,d%s%n", malformedSent, kinds()));
        out.append(String.format(Locale.ROOT, "total sent:          %,d to %s, %,d acknowledged%n", sent(), topic, acknowledged));
        if (withoutKey > 0) {
            out.append(String.format(Locale.ROOT, "without a key:       %,d (no readable top-level \"id\")%n", withoutKey));
        }
        if (withoutEventTime > 0) {
            out.append(String.format(Locale.ROOT, "without event time:  %,d (unreadable createdAt: sent unpaced, unshuffled)%n",
                    withoutEventTime));
        }
        out.append(String.format(Locale.ROOT, "elapsed:             %.2f s%n", elapsedSeconds()));
        out.append(String.format(Locale.ROOT, "rate:                %,d records/s%n", Math.round(recordsPerSecond())));
        out.append(String.format(Locale.ROOT, "seed:                %d%n", seed));
        return out.toString();
    }

    private String kinds() {
        if (malformedByKind.isEmpty()) {
            return "";
        }
        return malformedByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
