package org.staffroom.collect.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A Jetstream in the test JVM: a real WebSocket server (Jetty) on a free port that replays a
 * recorded stream, one JSON event a message, from the subscription's {@code cursor} (the events
 * whose {@code time_us} is at or after it; without one, from the recording's start, as if it were
 * live). It answers on two paths, {@code /subscribe} and {@code /subscribe-2}, two endpoints for
 * the collector to rotate through. Each connection follows the next of the given {@link Turn}s:
 * after sending so many events it cuts the connection (no close frame, as a dropped network does)
 * or holds it open, sending nothing more; once the turns are used up, connections get the rest of
 * the recording and are then held open, as a live stream with nothing new (or follow a turn of the
 * test's, {@link #withTurns}). It replays every event,
 * the likes too, whatever {@code wantedCollections} asks: the collector's own filter is tested.
 */
public final class FakeJetstream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one connection does after {@code events} events: cut, or hold open. */
    record Turn(int events, boolean cut) {
        static Turn cutAfter(int events) {
            return new Turn(events, true);
        }

        static Turn holdAfter(int events) {
            return new Turn(events, false);
        }
    }

    /** A subscription the server received. */
    record Subscription(String path, List<String> wantedCollections, Long cursor) {}

    private final List<String> events;
    private final List<Long> times = new ArrayList<>();
    private final List<Turn> turns;
    private final Turn afterTheTurns;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final Server server = new Server();

    FakeJetstream(Path recording, Turn... turns) {
        this(recording, List.of(turns), Turn.holdAfter(Integer.MAX_VALUE));
    }

    /** A server whose connections follow {@code turns}, then each {@code afterTheTurns}. */
    static FakeJetstream withTurns(Path recording, List<Turn> turns, Turn afterTheTurns) {
        return new FakeJetstream(recording, turns, afterTheTurns);
    }

    private FakeJetstream(Path recording, List<Turn> turns, Turn afterTheTurns) {
        try {
            this.events = Files.readAllLines(recording, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            for (String event : events) {
                times.add(JSON.readTree(event).path("time_us").asLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.turns = List.copyOf(turns);
        this.afterTheTurns = afterTheTurns;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            // a held connection stays open as long as the test needs it
            container.setIdleTimeout(Duration.ofMinutes(10));
            for (String path : List.of("/subscribe", "/subscribe-2")) {
                container.addMapping(path, (request, response, callback) -> subscribe(request));
            }
        }));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake Jetstream", e);
        }
    }

    /** The two endpoints, as {@code --jetstream} takes them. */
    String endpoints() {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return "ws://127.0.0.1:" + port + "/subscribe,ws://127.0.0.1:" + port + "/subscribe-2";
    }

    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The {@code time_us} of the recording's {@code i}-th event (from 0). */
    long timeUs(int i) {
        return times.get(i);
    }

    private synchronized Replay subscribe(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String cursor = query.getValue("cursor");
        Subscription s = new Subscription(Request.getPathInContext(request), query.getValuesOrEmpty("wantedCollections"),
                cursor == null ? null : Long.valueOf(cursor));
        int index = subscriptions.size();
        subscriptions.add(s);
        return new Replay(s, index < turns.size() ? turns.get(index) : afterTheTurns);
    }

    public final class Replay extends Session.Listener.AbstractAutoDemanding {
        private final Subscription subscription;
        private final Turn turn;

        Replay(Subscription subscription, Turn turn) {
            this.subscription = subscription;
            this.turn = turn;
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // a cut, or a collector killed: what this server is for
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            senders.execute(() -> send(session));
        }

        private void send(Session session) {
            int first = 0;
            while (first < events.size() && subscription.cursor() != null && times.get(first) < subscription.cursor()) {
                first++;
            }
            int sent = 0;
            for (int i = first; i < events.size() && sent < turn.events(); i++, sent++) {
                Callback.Completable done = new Callback.Completable();
                session.sendText(events.get(i), done);
                try {
                    done.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return; // the collector went away
                }
            }
            if (turn.cut() && sent == turn.events()) {
                session.disconnect();
            }
        }
    }

    @Override
    public void close() throws Exception {
        senders.shutdownNow();
        server.stop();
    }
}
