package org.staffroom.datagen.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.staffroom.platforms.publish.Progress;
import org.staffroom.platforms.publish.DeliveryException;
import org.staffroom.platforms.publish.RecordSink;

/**
 * Replays a JSONL file into a {@link RecordSink}: reads it as a stream, adds the faults, shuffles
 * within the bound, paces, sends, and waits for every acknowledgement.
 *
 * <p>Memory stays bounded whatever the file's size: a read buffer, the records in flight in the
 * producer, and when shuffling the sliding window of {@link ShuffleBuffer}.
 */
public final class Replay {
    private final ReplayOptions options;
    private final RecordSink sink;
    private final Pacer.Clock clock;
    private final PrintWriter progressOut;

    private final PostFieldScanner scanner = new PostFieldScanner();
    private Pacer pacer;
    private Progress progress;
    private ReplayPosition position;
    private long read;
    private long bytesRead;
    private long originals;
    private long duplicates;
    private long malformed;

    /**
     * @param progressOut where progress lines go every {@code options.progressInterval}, or null for none
     */
    public Replay(ReplayOptions options, RecordSink sink, Pacer.Clock clock, PrintWriter progressOut) {
        this.options = options;
        this.sink = sink;
        this.clock = clock;
        this.progressOut = progressOut;
    }

    /** Runs the replay to its end; throws {@link DeliveryException} if the file cannot be read or a record delivered. */
    public ReplaySummary run() {
        long start = System.nanoTime();
        try {
            return replay(start);
        } catch (IOException e) {
            throw new DeliveryException("cannot read " + options.file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DeliveryException("cannot read " + options.file + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted after " + (originals + duplicates + malformed) + " records", e);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    private ReplaySummary replay(long start) throws IOException, InterruptedException {
        boolean faults = options.duplicateFraction > 0 || options.malformedFraction > 0;
        long records = faults ? JsonlReader.countRecords(options.file, options.limit) : 0;
        FaultInjector injector = new FaultInjector(options.seed, records, options.duplicateFraction,
                options.malformedFraction, options.shuffleWithin);
        boolean needTime = options.paced() || options.shuffled();
        pacer = options.paced() ? new Pacer(options.speed, clock) : null;
        ShuffleBuffer shuffle = options.shuffled() ? new ShuffleBuffer(options.shuffleBuffer) : null;
        if (progressOut != null) {
            long last = options.paced() ? JsonlReader.lastEventTime(options.file) : EventTimes.NONE;
            position = new ReplayPosition(Files.size(options.file), options.limit, options.speed, last);
            progress = new Progress("replay", "sent", "records", position, clock::nanoTime);
            progress.startPrinting(progressOut, options.progressInterval);
        }

        long withoutKey = 0;
        long withoutTime = 0;
        try (JsonlReader reader = new JsonlReader(options.file)) {
            while (read < options.limit && reader.next()) {
                byte[] line = reader.line();
                read++;
                bytesRead = reader.bytesConsumed();
                scanner.scan(line, needTime);
                byte[] key = scanner.id();
                if (key == null) {
                    withoutKey++;
                }
                long t = EventTimes.NONE;
                if (needTime) {
                    t = scanner.createdAtMillis();
                    if (t == EventTimes.NONE) {
                        withoutTime++;
                    }
                }
                if (pacer != null && !pacer.started() && t != EventTimes.NONE) {
                    pacer.start(t);
                }
                boolean twice = injector.nextIsDuplicated();
                byte[] bad = injector.nextIsFollowedByMalformed() ? injector.nextMalformed(line) : null;
                byte[] badKey = bad == null ? null : scanner.scan(bad, false).id();

                if (shuffle == null) {
                    deliver(key, line, t, Delivery.Kind.ORIGINAL);
                    if (twice) {
                        deliver(key, line, t, Delivery.Kind.DUPLICATE);
                    }
                    if (bad != null) {
                        deliver(badKey, bad, EventTimes.NONE, Delivery.Kind.MALFORMED);
                    }
                } else {
                    shuffle.add(new Delivery(key, line, t, Delivery.Kind.ORIGINAL), injector.nextDelayMillis());
                    if (twice) {
                        shuffle.add(new Delivery(key, line, t, Delivery.Kind.DUPLICATE), injector.nextDelayMillis());
                    }
                    if (bad != null) {
                        shuffle.add(new Delivery(badKey, bad, EventTimes.NONE, Delivery.Kind.MALFORMED), 0);
                    }
                    for (Delivery d = shuffle.poll(); d != null; d = shuffle.poll()) {
                        deliver(d.key, d.value, d.eventTime, d.kind);
                    }
                }
            }
        }
        if (shuffle != null) {
            for (Delivery d = shuffle.pollAny(); d != null; d = shuffle.pollAny()) {
                deliver(d.key, d.value, d.eventTime, d.kind);
            }
        }
        sink.finish();
        long elapsed = System.nanoTime() - start;
        return new ReplaySummary(read, originals, duplicates, malformed, injector.malformedByKind(), withoutKey,
                needTime ? withoutTime : -1, sink.acknowledged(), bytesRead, elapsed, options.seed, options.topic);
    }

    private void deliver(byte[] key, byte[] value, long eventTime, Delivery.Kind kind) throws InterruptedException {
        if (pacer != null && kind != Delivery.Kind.MALFORMED) {
            pacer.awaitDue(eventTime);
        }
        sink.send(key, value);
        switch (kind) {
            case ORIGINAL -> originals++;
            case DUPLICATE -> duplicates++;
            default -> malformed++;
        }
        if (progress != null) {
            position.update(read, bytesRead, kind == Delivery.Kind.MALFORMED ? EventTimes.NONE : eventTime);
            progress.update(originals + duplicates + malformed);
        }
    }
}
