package org.staffroom.collect.bluesky;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket subscription to a Jetstream endpoint, with the JDK's client. Its messages are
 * queued for the collector's thread, at most {@link #MAX_QUEUED}: beyond that the client's thread
 * waits, so a slow Kafka slows the socket (TCP back-pressure) instead of filling the heap. How the
 * connection ended (closed by the server, cut, stopped) arrives in the same order, after the last
 * message. A cut loses what was in flight: the client may see the end before the last messages the
 * server wrote, which is why a collector resumes from what it handled, rewound. A connection that
 * brings no message for its idle timeout ends too: a network drop the JDK does not notice (no FIN,
 * or one it misses) would otherwise leave it waiting for ever.
 */
final class JetstreamConnection implements AutoCloseable {

    /** What the collector takes: a whole message, or the end of the connection. */
    sealed interface Signal {
        record Message(String text) implements Signal {}

        record Ended(String why) implements Signal {}
    }

    static final int MAX_QUEUED = 10_000;

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(MAX_QUEUED);
    private final WebSocket socket;
    private final Duration idleTimeout;
    /** When {@link #next} last returned a message, or the connection opened; the taker's thread only. */
    private long lastMessageNanos;

    private JetstreamConnection(HttpClient http, URI uri, Duration connectTimeout, Duration idleTimeout)
            throws ConnectFailed {
        try {
            this.socket = http.newWebSocketBuilder().connectTimeout(connectTimeout)
                    .buildAsync(uri, new Receiver()).get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectFailed(describe(e.getCause()));
        } catch (TimeoutException e) {
            throw new ConnectFailed("no answer within " + connectTimeout.toMillis() * 2 + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailed("interrupted");
        }
        this.idleTimeout = idleTimeout;
        this.lastMessageNanos = System.nanoTime();
    }

    static JetstreamConnection open(HttpClient http, URI uri, Duration connectTimeout, Duration idleTimeout)
            throws ConnectFailed {
        return new JetstreamConnection(http, uri, connectTimeout, idleTimeout);
    }

    /**
     * The next message or end, waiting at most {@code timeout}; null when neither came. After
     * {@code idleTimeout} without a message the connection is ended here, and its end returned:
     * {@code nothing received for … ms}.
     */
    Signal next(Duration timeout) throws InterruptedException {
        long idleNanos = idleTimeout.toNanos();
        long untilIdle = lastMessageNanos + idleNanos - System.nanoTime();
        Signal signal = signals.poll(Math.max(0, Math.min(timeout.toNanos(), untilIdle)), TimeUnit.NANOSECONDS);
        if (signal == null && System.nanoTime() - lastMessageNanos >= idleNanos) {
            end("nothing received for " + idleTimeout.toMillis() + " ms");
            signal = signals.take(); // the end, or a message that came meanwhile, before it
        }
        if (signal instanceof Signal.Message) {
            room.release();
            lastMessageNanos = System.nanoTime();
        }
        return signal;
    }

    /** Ends the connection from this side; {@link #next} then returns {@code why}. */
    void end(String why) {
        signals.add(new Signal.Ended(why));
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    room.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    signals.add(new Signal.Ended("interrupted"));
                    return null;
                }
                signals.add(new Signal.Message(partial.toString()));
                partial.setLength(0);
            }
            // always a message wanted: with none, the JDK's client may hold back the end of a cut connection
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            signals.add(new Signal.Ended("closed by the server (" + statusCode
                    + (reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            signals.add(new Signal.Ended(describe(error)));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The subscription could not be opened. */
    static final class ConnectFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ConnectFailed(String why) {
            super(why);
        }
    }
}
