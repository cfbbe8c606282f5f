package org.staffroom.collect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.collect.bluesky.FakeJetstream.Turn.cutAfter;
import static org.staffroom.collect.bluesky.FakeJetstream.Turn.holdAfter;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The JDK's WebSocket client against a real server that cuts the connection mid-stream, or goes silent. */
class JetstreamConnectionTest {
    /** Long enough for the fake's ten events; a cut the JDK misses ends by it instead of never. */
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aConnectionDeliversItsMessagesInOrderThenItsEndWhetherCutOrEnded() throws Exception {
        Path recording = Path.of(getClass().getResource("/bluesky/chat-stream.jsonl").toURI());
        List<String> lines = Files.readAllLines(recording);
        try (FakeJetstream jetstream = new FakeJetstream(recording, cutAfter(10), cutAfter(10), holdAfter(10))) {
            JetstreamSubscription subscription = new JetstreamSubscription(
                    List.of(jetstream.endpoints().split(",")).stream().map(URI::create).toList());
            // from the start, then from the 6th event (a cursor is inclusive)
            for (int first : List.of(0, 5)) {
                OptionalLong cursor = first == 0 ? OptionalLong.empty() : OptionalLong.of(jetstream.timeUs(first));
                List<String> received = new ArrayList<>();
                try (JetstreamConnection connection =
                             JetstreamConnection.open(HttpClient.newHttpClient(), subscription.uri(first, cursor),
                                     Duration.ofSeconds(5), IDLE)) {
                    JetstreamConnection.Signal signal;
                    while ((signal = connection.next(WAIT)) instanceof JetstreamConnection.Signal.Message m) {
                        received.add(m.text());
                    }
                    // the cut as the JDK saw it, or, when it missed it, the silence that followed
                    assertThat(signal).isInstanceOf(JetstreamConnection.Signal.Ended.class);
                }
                // a cut may lose what was in flight, never reorder or invent
                assertThat(received.size()).isLessThanOrEqualTo(10);
                assertThat(received).isEqualTo(lines.subList(first, first + received.size()));
            }
            // a connection held open delivers everything, in order, and ends when told to
            try (JetstreamConnection connection = JetstreamConnection.open(HttpClient.newHttpClient(),
                    subscription.uri(0, OptionalLong.of(jetstream.timeUs(12))), Duration.ofSeconds(5), IDLE)) {
                assertThat(messages(connection, 10)).isEqualTo(lines.subList(12, 22));
                connection.end("enough");
                assertThat(connection.next(WAIT)).isEqualTo(new JetstreamConnection.Signal.Ended("enough"));
            }
            assertThat(jetstream.subscriptions()).extracting(FakeJetstream.Subscription::path)
                    .containsExactly("/subscribe", "/subscribe-2", "/subscribe");
        }
    }

    @Test
    void aConnectionSilentForItsIdleTimeoutEndsAfterItsLastMessage() throws Exception {
        Path recording = Path.of(getClass().getResource("/bluesky/chat-stream.jsonl").toURI());
        List<String> lines = Files.readAllLines(recording);
        Duration idle = Duration.ofSeconds(2);
        // ten events, then nothing, the connection left open: as a network drop that the JDK does not notice
        try (FakeJetstream jetstream = new FakeJetstream(recording, holdAfter(10));
             JetstreamConnection connection = JetstreamConnection.open(HttpClient.newHttpClient(),
                     URI.create(jetstream.endpoints().split(",")[0]), Duration.ofSeconds(5), idle)) {
            assertThat(messages(connection, 9)).isEqualTo(lines.subList(0, 9));
            long beforeTheLast = System.nanoTime();
            assertThat(messages(connection, 1)).isEqualTo(lines.subList(9, 10));
            JetstreamConnection.Signal end = connection.next(WAIT);
            assertThat(end).isEqualTo(new JetstreamConnection.Signal.Ended("nothing received for 2000 ms"));
            assertThat(System.nanoTime() - beforeTheLast).as("not before the idle timeout")
                    .isGreaterThanOrEqualTo(idle.toNanos());
        }
    }

    /** The next {@code n} messages, each within {@link #WAIT}. */
    private static List<String> messages(JetstreamConnection connection, int n) throws InterruptedException {
        List<String> received = new ArrayList<>();
        while (received.size() < n) {
            JetstreamConnection.Signal signal = connection.next(WAIT);
            assertThat(signal).as("message %d", received.size()).isInstanceOf(JetstreamConnection.Signal.Message.class);
            received.add(((JetstreamConnection.Signal.Message) signal).text());
        }
        return received;
    }
}
