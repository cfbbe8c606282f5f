package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.staffroom.collect.Backoff;
import org.staffroom.collect.sse.SseEvent;
import org.staffroom.collect.sse.SseReader;

/**
 * One hashtag stream of one server, on a thread of its own, for as long as the collector runs:
 * connect; once the server answers, catch up from the tag timeline on what came after the last
 * status seen (the stream is open already, so nothing falls between the two; what both deliver,
 * the de-duplication by uri drops); then read the stream's events until it ends or fails; wait
 * (capped exponential back-off) and start again.
 */
final class HashtagStream implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far the server's clock may be behind ours, for a catch-up from the time of a connection. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** A connection that lasted this long worked: the next reconnection waits the shortest delay again. */
    private static final Duration STABLE_CONNECTION = Duration.ofMinutes(1);

    /** Where arrivals go: a bounded queue, so a slow Kafka slows the streams rather than filling memory. */
    interface Delivery {
        void deliver(Arrival arrival) throws InterruptedException;
    }

    /** What the collector learns of a stream's life, for its progress line and log. */
    interface Listener {
        void connected(ServerTag stream);

        void disconnected(ServerTag stream, String why);
    }

    private final ServerTag key;
    private final MastodonApi api;
    private final TagTimeline timeline;
    private final Backoff backoff;
    private final Delivery delivery;
    private final Listener listener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The last status received (delivered to the queue), where a catch-up starts. */
    private String lastSeenId;
    /** When the first connection opened, for a catch-up after a disconnection that came before any status. */
    private Instant firstConnected;
    private volatile InputStream body;
    private volatile Thread runner;
    /** When the open stream last gave a byte, heartbeats included; read by the collector's idle check. */
    private volatile long lastActivityNanos = System.nanoTime();
    /** Why the idle check closed the open stream, for the disconnection's line; null when it did not. */
    private volatile String closedAsIdle;

    HashtagStream(ServerTag key, MastodonApi api, TagTimeline timeline, Optional<String> lastSeenId, Backoff backoff,
                  Delivery delivery, Listener listener) {
        this.key = key;
        this.api = api;
        this.timeline = timeline;
        this.lastSeenId = lastSeenId.orElse(null);
        this.backoff = backoff;
        this.delivery = delivery;
        this.listener = listener;
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        try {
            while (!isStopped()) {
                long started = System.nanoTime();
                String why = follow();
                listener.disconnected(key, why);
                // a quiet hashtag gives heartbeats only: a connection that held for a while worked
                if (System.nanoTime() - started >= STABLE_CONNECTION.toNanos()) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stopped while waiting: nothing to hand over
        }
    }

    /** One connection: returns why it ended; throws when stopped. */
    private String follow() throws InterruptedException {
        closedAsIdle = null;
        try (InputStream events = watched(api.openHashtagStream(key.tag()))) {
            body = events;
            if (isStopped()) {
                throw new InterruptedException();
            }
            listener.connected(key);
            Optional<String> catchUpFrom = catchUpFrom();
            if (catchUpFrom.isPresent()) {
                timeline.catchUp(key.tag(), catchUpFrom.get(), status -> deliverStatus(status.path("id").asText(), status));
            } else {
                firstConnected = Instant.now();
            }
            SseReader reader = new SseReader(new InputStreamReader(events, StandardCharsets.UTF_8));
            for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
                backoff.reset();
                handle(event.get());
            }
            return "the server ended the stream";
        } catch (IOException e) {
            if (isStopped()) {
                throw new InterruptedException();
            }
            String idle = closedAsIdle;
            if (idle != null) {
                return idle;
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            body = null;
        }
    }

    /**
     * Where a catch-up starts: after the last status seen; when none was seen since the first
     * connection opened, after the ids of that moment (Mastodon's ids begin with their time);
     * nothing on a first connection without a saved position.
     */
    private Optional<String> catchUpFrom() {
        if (lastSeenId != null) {
            return Optional.of(lastSeenId);
        }
        return Optional.ofNullable(firstConnected).map(t -> StatusIds.atTime(t.minus(CLOCK_SKEW)));
    }

    private void handle(SseEvent event) throws InterruptedException {
        ObjectNode frame = JSON.createObjectNode().put("event", event.type()).put("payload", event.data());
        if (!event.type().equals("update")) {
            delivery.deliver(new Arrival(key, null, frame));
            return;
        }
        try {
            // decoded once here, for its id; the converter takes the decoded status as the frame's payload
            JsonNode status = JSON.readTree(event.data());
            frame.set("payload", status);
            deliverStatus(status.path("id").asText(), frame);
        } catch (JsonProcessingException e) {
            delivery.deliver(new Arrival(key, null, frame)); // the converter rejects it, naming the payload
        }
    }

    private void deliverStatus(String id, JsonNode record) throws InterruptedException {
        delivery.deliver(new Arrival(key, id.isEmpty() ? null : id, record));
        lastActivityNanos = System.nanoTime(); // a long catch-up is not an idle stream
        if (!id.isEmpty()) {
            lastSeenId = lastSeenId == null ? id : StatusIds.later(lastSeenId, id);
        }
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Closes the open stream when it has given nothing, not even a heartbeat, for {@code idleTimeout}:
     * a connection that died without a word would otherwise wait forever. The stream then reconnects
     * and catches up like after any disconnection.
     */
    void closeIfIdle(long idleTimeoutNanos) {
        InputStream open = body;
        if (open != null && System.nanoTime() - lastActivityNanos > idleTimeoutNanos) {
            closedAsIdle = "nothing received, not even a heartbeat, for " + idleTimeoutNanos / 1_000_000 + " ms";
            closeQuietly(open);
        }
    }

    private InputStream watched(InputStream events) {
        lastActivityNanos = System.nanoTime();
        return new FilterInputStream(events) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                lastActivityNanos = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                lastActivityNanos = System.nanoTime();
                return n;
            }
        };
    }

    /** Ends the stream: an open connection is closed, a wait cut short. */
    void stop() {
        stopped.countDown();
        InputStream open = body;
        if (open != null) {
            closeQuietly(open);
        }
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static void closeQuietly(InputStream open) {
        try {
            open.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
