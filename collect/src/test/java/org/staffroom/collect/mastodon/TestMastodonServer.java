package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Mastodon server in the test's JVM, on a free port of the loopback: hashtag streams
 * (server-sent events) that play a script per connection, and tag timelines paged as Mastodon
 * pages them ({@code min_id}, {@code since_id}, {@code max_id}, {@code limit}, newest first, a
 * {@code Link} header to the older and the newer page). With a token set, every request must
 * carry it.
 */
final class TestMastodonServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one stream connection does: send these events, then end the response or hold it open until close. */
    record Connection(List<String> events, boolean drop) {
        static Connection dropAfter(String... events) {
            return new Connection(List.of(events), true);
        }

        static Connection holdAfter(String... events) {
            return new Connection(List.of(events), false);
        }
    }

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, List<Connection>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> timelines = new ConcurrentHashMap<>();
    private final List<String> timelineQueries = new CopyOnWriteArrayList<>();
    private volatile Optional<String> token = Optional.empty();
    private volatile Optional<TestMastodonServer> streamingHost = Optional.empty();

    TestMastodonServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/api/v1/streaming/hashtag", this::stream);
        http.createContext("/api/v1/timelines/tag/", this::timeline);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    String name() {
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    void requireToken(String accessToken) {
        token = Optional.of(accessToken);
    }

    /** Streams are served by another server, as Mastodon's web server sends them to its streaming host (301). */
    void redirectStreamsTo(TestMastodonServer streaming) {
        streamingHost = Optional.of(streaming);
    }

    /** The scripts of the tag's stream connections, in order; a connection beyond them holds without events. */
    void streams(String tag, Connection... script) {
        scripts.put(tag, List.of(script));
    }

    /** The statuses of the tag's timeline. */
    void timeline(String tag, List<? extends JsonNode> statuses) {
        timelines.put(tag, List.copyOf(statuses));
    }

    int connections(String tag) {
        return connections.getOrDefault(tag, new AtomicInteger()).get();
    }

    /** The queries of the timeline requests so far, e.g. {@code min_id=1002&limit=2}. */
    List<String> timelineQueries() {
        return List.copyOf(timelineQueries);
    }

    static String update(JsonNode status) {
        return "event: update\ndata: " + status + "\n\n";
    }

    static String delete(String localId) {
        return "event: delete\ndata: " + localId + "\n\n";
    }

    static final String HEARTBEAT = ":thump\n";

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<TestMastodonServer> elsewhere = streamingHost;
            if (elsewhere.isPresent()) {
                exchange.getResponseHeaders().set("Location", elsewhere.get().url() + exchange.getRequestURI());
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            if (!authorised(exchange)) {
                return;
            }
            String tag = query(exchange.getRequestURI()).get("tag");
            int n = connections.computeIfAbsent(tag, t -> new AtomicInteger()).getAndIncrement();
            List<Connection> script = scripts.getOrDefault(tag, List.of());
            Connection connection = n < script.size() ? script.get(n) : Connection.holdAfter();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(":)\n".getBytes(StandardCharsets.UTF_8));
            for (String event : connection.events()) {
                body.write(event.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            body.flush();
            if (!connection.drop()) {
                closing.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the collector closed the stream
        }
    }

    private void timeline(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            URI uri = exchange.getRequestURI();
            String tag = uri.getPath().substring("/api/v1/timelines/tag/".length());
            Map<String, String> query = query(uri);
            timelineQueries.add(uri.getRawQuery());
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode status : timelines.getOrDefault(tag, List.of())) {
                String id = status.get("id").asText();
                if (after(id, query.get("min_id")) && after(id, query.get("since_id"))
                        && (!query.containsKey("max_id") || StatusIds.isAfter(query.get("max_id"), id))) {
                    matching.add(status);
                }
            }
            Comparator<JsonNode> newestFirst = Comparator.comparing((JsonNode s) -> s.get("id").asText(),
                    StatusIds.ORDER).reversed();
            matching.sort(newestFirst);
            // min_id: the oldest page after it; otherwise the newest page
            List<JsonNode> page = query.containsKey("min_id")
                    ? matching.subList(Math.max(0, matching.size() - limit), matching.size())
                    : matching.subList(0, Math.min(limit, matching.size()));
            ArrayNode body = JSON.createArrayNode();
            page.forEach(body::add);
            if (!page.isEmpty()) {
                String base = "http://" + name() + "/api/v1/timelines/tag/" + tag + "?limit=" + limit;
                exchange.getResponseHeaders().set("Link", "<" + base + "&max_id=" + page.get(page.size() - 1).get("id")
                        .asText() + ">; rel=\"next\", <" + base + "&min_id=" + page.get(0).get("id").asText()
                        + ">; rel=\"prev\"");
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        Optional<String> expected = token;
        if (expected.isEmpty()
                || ("Bearer " + expected.get()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        byte[] error = "{\"error\":\"The access token is invalid\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(401, error.length);
        exchange.getResponseBody().write(error);
        return false;
    }

    private static boolean after(String id, String bound) {
        return bound == null || StatusIds.isAfter(id, bound);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        threads.shutdownNow();
    }
}
