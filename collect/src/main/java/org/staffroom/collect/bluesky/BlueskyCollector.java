package org.staffroom.collect.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.staffroom.collect.Backoff;
import org.staffroom.collect.output.CollectorCounts;
import org.staffroom.collect.output.ConversionWriter;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * Jetstream into Kafka, until stopped: subscribes, converts each event, writes the wanted ones and
 * reconnects, after a back-off and to the next endpoint, whenever the connection ends: closed or
 * cut by the server, or silent for {@code idleTimeout} (Jetstream's post stream never is for long;
 * a connection that is has died without the JDK noticing).
 *
 * <p>Resuming. Every {@code checkpointInterval}, and whenever a connection ends, the collector waits
 * until Kafka has acknowledged every event it sent, then saves the {@code time_us} of the last
 * event it handled: nothing before that position is lost. A new connection, in this run or the
 * next, starts from that position less {@code rewind}, so that events the relay delivered out of
 * order around it are read too; what is read twice is written twice, and the job counts it once.
 */
final class BlueskyCollector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How the collector resumes: where the position is kept, how often it is saved, how far it rewinds. */
    record Resume(CursorFile cursorFile, Duration checkpointInterval, Duration rewind) {}

    private final JetstreamSubscription subscription;
    private final Resume resume;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final RecordConverter converter;
    private final KafkaEventWriter writer;
    private final CollectorCounts counts;
    private final ConversionWriter output;
    private final PrintWriter err;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile JetstreamConnection current;
    private long handledTimeUs;
    private volatile long savedTimeUs = -1;
    private long lastCheckpointNanos = System.nanoTime();

    BlueskyCollector(JetstreamSubscription subscription, Resume resume, Backoff backoff, Duration idleTimeout,
                     RecordConverter converter, WantedPosts wanted, KafkaEventWriter writer, PrintWriter err) {
        this.subscription = subscription;
        this.resume = resume;
        this.backoff = backoff;
        this.idleTimeout = idleTimeout;
        this.converter = converter;
        this.writer = writer;
        this.counts = new CollectorCounts("collect bluesky", writer::acknowledged, this::cursor);
        this.output = new ConversionWriter(writer, wanted, counts);
        this.err = err;
    }

    CollectorCounts counts() {
        return counts;
    }

    /** Collects until {@link #stop()}; returns once everything handled is acknowledged and the position saved. */
    void run() throws InterruptedException {
        savedTimeUs = resume.cursorFile().load().orElse(-1);
        handledTimeUs = savedTimeUs;
        int endpoint = 0;
        while (!stopped()) {
            URI uri = subscription.uri(endpoint, from());
            String why;
            long seenBefore = counts.seenSoFar();
            // a client of its own for each connection: the JDK's (17), reused after an aborted WebSocket,
            // was seen to miss the end of the next one and wait for ever
            try (JetstreamConnection connection = JetstreamConnection.open(HttpClient.newHttpClient(), uri,
                    CONNECT_TIMEOUT, idleTimeout)) {
                current = connection;
                if (stopped()) {
                    break;
                }
                log("connected to " + uri);
                why = consume(connection);
            } catch (JetstreamConnection.ConnectFailed e) {
                why = "cannot connect: " + e.getMessage();
            } finally {
                current = null;
            }
            checkpoint();
            if (stopped()) {
                break;
            }
            if (counts.seenSoFar() > seenBefore) {
                backoff.reset();
            }
            Duration wait = backoff.next();
            log("disconnected from " + subscription.endpoint(endpoint) + ": " + why + "; reconnecting to "
                    + subscription.endpoint(endpoint + 1) + " in " + wait.toMillis() + " ms");
            endpoint = (endpoint + 1) % subscription.size();
            if (stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                break;
            }
        }
        checkpoint();
        log("stopped; " + counts.summary());
    }

    /** Ends the run: the connection is closed, what was sent is flushed and the position saved. Any thread. */
    void stop() {
        stopRequested.countDown();
        JetstreamConnection connection = current;
        if (connection != null) {
            connection.end("stopped");
        }
    }

    private boolean stopped() {
        return stopRequested.getCount() == 0;
    }

    /** The saved position less the rewind; empty (from now) when nothing was ever saved. */
    private OptionalLong from() {
        return savedTimeUs < 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, savedTimeUs - resume.rewind().toNanos() / 1_000));
    }

    private String consume(JetstreamConnection connection) throws InterruptedException {
        long intervalNanos = resume.checkpointInterval().toNanos();
        while (!stopped()) {
            long untilCheckpoint = Math.max(1, intervalNanos - (System.nanoTime() - lastCheckpointNanos));
            JetstreamConnection.Signal signal = connection.next(Duration.ofNanos(untilCheckpoint));
            if (signal instanceof JetstreamConnection.Signal.Ended ended) {
                return ended.why();
            }
            if (signal instanceof JetstreamConnection.Signal.Message message) {
                handle(message.text());
            }
            if (System.nanoTime() - lastCheckpointNanos >= intervalNanos) {
                checkpoint();
            }
        }
        return "stopped";
    }

    private void handle(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            output.seen(List.of(new Conversion.Unmappable("bluesky: not JSON: " + e.getOriginalMessage(), text)));
            return;
        }
        output.seen(converter.convert(event));
        handledTimeUs = Math.max(handledTimeUs, event.path("time_us").asLong(-1));
    }

    /** Waits for Kafka to acknowledge everything sent, then saves the position handled. */
    private void checkpoint() {
        writer.finish();
        if (handledTimeUs > savedTimeUs) {
            resume.cursorFile().save(handledTimeUs);
            savedTimeUs = handledTimeUs;
        }
        lastCheckpointNanos = System.nanoTime();
    }

    /** Where the collector would resume: the position saved. Read by the progress line's thread. */
    private String cursor() {
        long t = savedTimeUs;
        return "cursor " + (t < 0 ? "none yet" : t + " (" + Instant.EPOCH.plus(t, ChronoUnit.MICROS) + ")");
    }

    private void log(String line) {
        err.println("collect bluesky: " + line);
        err.flush();
    }
}
