package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.collect.mastodon.TestMastodonServer.delete;
import static org.staffroom.collect.mastodon.TestMastodonServer.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.staffroom.collect.Backoff;
import org.staffroom.collect.mastodon.TestMastodonServer.Connection;

class HashtagStreamTest {
    private static final ObjectNode S1 = status("1001", "20:01");
    private static final ObjectNode S2 = status("1002", "20:02");

    @Test
    void aSilentStreamIsClosedReconnectedAndCaughtUp() throws Exception {
        try (TestMastodonServer server = new TestMastodonServer()) {
            // the first connection gives S1 and a delete, then nothing, not even heartbeats: a dead connection
            server.streams("ukedchat", Connection.holdAfter(update(S1), delete("1000")), Connection.holdAfter());
            server.timeline("ukedchat", List.of(S1, S2));
            BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
            AtomicInteger connections = new AtomicInteger();
            List<String> disconnections = new CopyOnWriteArrayList<>();
            HashtagStream stream = stream(server, Optional.empty(), arrivals, connections, disconnections);
            Thread thread = new Thread(stream);
            thread.start();
            try {
                Arrival first = next(arrivals);
                assertThat(first.statusId()).isEqualTo("1001");
                assertThat(first.record().get("event").asText()).isEqualTo("update");
                assertThat(first.record().get("payload").get("uri").asText()).isEqualTo(S1.get("uri").asText());
                Arrival deletion = next(arrivals);
                assertThat(deletion.statusId()).isNull(); // a delete does not move the position
                assertThat(deletion.record().toString()).isEqualTo("{\"event\":\"delete\",\"payload\":\"1000\"}");

                stream.closeIfIdle(Long.MAX_VALUE); // active enough: stays open
                stream.closeIfIdle(0);

                Arrival caughtUp = next(arrivals);
                assertThat(caughtUp.statusId()).isEqualTo("1002");
                assertThat(caughtUp.record().toString()).isEqualTo(S2.toString()); // the status itself, as the converter takes it
                assertThat(server.connections("ukedchat")).isEqualTo(2);
                assertThat(connections).hasValue(2);
                assertThat(disconnections).containsExactly("nothing received, not even a heartbeat, for 0 ms");
                // after S2, the catch-up asks once more and finds the empty page of the present
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (server.timelineQueries().size() < 2 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(server.timelineQueries()).containsExactly("min_id=1001&limit=40", "limit=40&min_id=1002");
            } finally {
                stream.stop();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(thread.isAlive()).isFalse();
            assertThat(arrivals).isEmpty();
        }
    }

    @Test
    void aDisconnectionBeforeAnyStatusIsCaughtUpFromTheTimeOfTheFirstConnection() throws Exception {
        Instant start = Instant.now();
        // Mastodon ids: milliseconds of creation, then a 16-bit sequence
        ObjectNode anHourAgo = status(StatusIds.atTime(start.minus(Duration.ofHours(1))), "19:00");
        ObjectNode meanwhile = status(StatusIds.atTime(start.plus(Duration.ofMinutes(1))), "20:01");
        try (TestMastodonServer server = new TestMastodonServer()) {
            server.streams("ukedchat", Connection.dropAfter(TestMastodonServer.HEARTBEAT), Connection.holdAfter());
            server.timeline("ukedchat", List.of(anHourAgo, meanwhile));
            BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
            HashtagStream stream = stream(server, Optional.empty(), arrivals, new AtomicInteger(), new ArrayList<>());
            Thread thread = new Thread(stream);
            thread.start();
            try {
                assertThat(next(arrivals).statusId()).isEqualTo(meanwhile.get("id").asText());
            } finally {
                stream.stop();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            Instant end = Instant.now();
            String query = server.timelineQueries().get(0);
            long minIdMillis = Long.parseLong(query.replaceAll("^min_id=(\\d+)&limit=40$", "$1")) >> 16;
            // from the first connection's time, less 30 s for the server's clock
            assertThat(minIdMillis).isBetween(start.minusSeconds(30).toEpochMilli(), end.minusSeconds(30).toEpochMilli());
            assertThat(arrivals).isEmpty();
        }
    }

    @Test
    void aStreamRedirectedToTheStreamingHostIsFollowedWithTheToken() throws Exception {
        try (TestMastodonServer web = new TestMastodonServer(); TestMastodonServer streaming = new TestMastodonServer()) {
            web.redirectStreamsTo(streaming);
            streaming.requireToken("s3cret");
            streaming.streams("ukedchat", Connection.holdAfter(update(S1)));
            BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
            HashtagStream stream = stream(web, Optional.of("s3cret"), arrivals, new AtomicInteger(), new ArrayList<>());
            Thread thread = new Thread(stream);
            thread.start();
            try {
                assertThat(next(arrivals).statusId()).isEqualTo("1001");
            } finally {
                stream.stop();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(streaming.connections("ukedchat")).isEqualTo(1);
        }
    }

    private static HashtagStream stream(TestMastodonServer server, Optional<String> token,
                                        BlockingQueue<Arrival> arrivals, AtomicInteger connections,
                                        List<String> disconnections) {
        MastodonServer mastodon = MastodonServer.parse(server.url());
        MastodonApi api = new MastodonApi(MastodonApi.newHttpClient(),
                mastodon, token);
        return new HashtagStream(new ServerTag(mastodon, "ukedchat"), api, new TagTimeline(api, 40), Optional.empty(),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), arrivals::put,
                new HashtagStream.Listener() {
                    @Override
                    public void connected(ServerTag stream) {
                        connections.incrementAndGet();
                    }

                    @Override
                    public void disconnected(ServerTag stream, String why) {
                        disconnections.add(why);
                    }
                });
    }

    private static Arrival next(BlockingQueue<Arrival> arrivals) throws InterruptedException {
        Arrival arrival = arrivals.poll(30, TimeUnit.SECONDS);
        assertThat(arrival).as("an arrival within 30 s").isNotNull();
        return arrival;
    }

    private static ObjectNode status(String id, String time) {
        return TestStatuses.status(id, "https://school.example/users/ann/statuses/" + id,
                "2024-11-21T" + time + ":00.000Z", "ann@school.example", "school.example", 10, "Hello", "ukedchat");
    }
}
