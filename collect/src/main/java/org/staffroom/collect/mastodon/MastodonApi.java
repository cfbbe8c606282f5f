package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the collector asks one Mastodon server, over the JDK's HTTP client: a hashtag stream
 * (server-sent events) and pages of a hashtag timeline. An access token, when given, goes with
 * every request as a bearer token.
 */
final class MastodonApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A timeline page; the stream itself has no time limit, its heartbeats keep it alive. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    /** One page of a timeline: its statuses (newest first, as the server gives them) and the link to newer ones. */
    record TimelinePage(JsonNode statuses, Optional<URI> newer) {}

    private final HttpClient http;
    private final MastodonServer server;
    private final Optional<String> accessToken;

    /**
     * The client of every server: redirects followed, since Mastodon's web server sends its streams to
     * its streaming host (301), which wants the token too; never from HTTPS down to HTTP.
     */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    MastodonApi(HttpClient http, MastodonServer server, Optional<String> accessToken) {
        this.http = http;
        this.server = server;
        this.accessToken = accessToken;
    }

    /** Opens the hashtag stream; returns once the server has answered, with the events still to read. */
    InputStream openHashtagStream(String tag) throws IOException, InterruptedException {
        URI uri = server.resolve("/api/v1/streaming/hashtag?tag=" + encode(tag));
        HttpResponse<InputStream> response = http.send(request(uri).header("Accept", "text/event-stream").build(),
                BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw failure(uri, response.statusCode(), new String(body.readNBytes(300), StandardCharsets.UTF_8));
            }
        }
        return response.body();
    }

    /** The page of tag statuses just newer than {@code afterId}, at most {@code limit}: where a catch-up starts. */
    URI firstPageAfter(String tag, String afterId, int limit) {
        return server.resolve("/api/v1/timelines/tag/" + encode(tag) + "?min_id=" + encode(afterId) + "&limit=" + limit);
    }

    TimelinePage timelinePage(URI page) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(page).timeout(PAGE_TIMEOUT)
                .header("Accept", "application/json").build(), BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw failure(page, response.statusCode(), new String(response.body(), 0,
                    Math.min(300, response.body().length), StandardCharsets.UTF_8));
        }
        JsonNode statuses = JSON.readTree(response.body());
        if (statuses == null || !statuses.isArray()) {
            throw new IOException("GET " + page + ": the answer is not an array of statuses");
        }
        Optional<URI> newer = response.headers().firstValue("Link").flatMap(link -> LinkHeader.find(link, "prev"));
        return new TimelinePage(statuses, newer);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        accessToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private IOException failure(URI uri, int status, String body) {
        String hint = status == 401 || status == 403
                ? (accessToken.isPresent() ? " (the access token is refused)"
                        : " (this server wants an access token: --access-token-file)")
                : "";
        return new IOException("GET " + uri + ": HTTP " + status + hint + ": " + body.strip());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
