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

/** The JDK's WebSocket client against a real server that cuts the connection mid-stream. */
class JetstreamConnectionTest {

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
                                     Duration.ofSeconds(5))) {
                    JetstreamConnection.Signal signal;
                    while ((signal = connection.next(Duration.ofSeconds(30))) instanceof JetstreamConnection.Signal.Message m) {
                        received.add(m.text());
                    }
                    assertThat(signal).isInstanceOf(JetstreamConnection.Signal.Ended.class);
                }
                // a cut may lose what was in flight, never reorder or invent
                assertThat(received.size()).isLessThanOrEqualTo(10);
                assertThat(received).isEqualTo(lines.subList(first, first + received.size()));
            }
            // a connection held open delivers everything, in order, and ends when told to
            try (JetstreamConnection connection = JetstreamConnection.open(HttpClient.newHttpClient(),
                    subscription.uri(0, OptionalLong.of(jetstream.timeUs(12))), Duration.ofSeconds(5))) {
                List<String> received = new ArrayList<>();
                while (received.size() < 10) {
                    if (connection.next(Duration.ofSeconds(30)) instanceof JetstreamConnection.Signal.Message m) {
                        received.add(m.text());
                    }
                }
                assertThat(received).isEqualTo(lines.subList(12, 22));
                connection.end("enough");
                assertThat(connection.next(Duration.ofSeconds(30)))
                        .isEqualTo(new JetstreamConnection.Signal.Ended("enough"));
            }
            assertThat(jetstream.subscriptions()).extracting(FakeJetstream.Subscription::path)
                    .containsExactly("/subscribe", "/subscribe-2", "/subscribe");
        }
    }
}
