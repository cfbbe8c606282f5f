package org.staffroom.collect.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void dataLinesJoinByNewLinesAndCommentsAreNotEvents() throws IOException {
        String stream = ":)\n"
                + "event: update\n"
                + "data: {\"a\":\n"
                + ":thump\n"
                + "data:  1}\n"
                + "\n"
                + ":thump\n"
                + "\n";

        assertThat(events(stream)).containsExactly(new SseEvent("update", "{\"a\":\n 1}"));
    }

    @Test
    void crlfAndLoneCrEndLinesToo() throws IOException {
        String stream = "event: delete\r\ndata: 1001\r\n\r\nevent: update\rdata: {}\r\r";

        assertThat(events(stream)).containsExactly(new SseEvent("delete", "1001"), new SseEvent("update", "{}"));
    }

    @Test
    void anEventWithoutTypeIsAMessageAndTheTypeDoesNotCarryOver() throws IOException {
        String stream = "event: update\n"
                + "data: one\n"
                + "\n"
                + "data: two\n"
                + "\n";

        assertThat(events(stream)).containsExactly(new SseEvent("update", "one"), new SseEvent("message", "two"));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDroppedAndAFieldWithoutColonHasAnEmptyValue() throws IOException {
        String stream = "data:no space\n"
                + "data:   three spaces\n"
                + "data\n"
                + "\n";

        assertThat(events(stream)).containsExactly(new SseEvent("message", "no space\n  three spaces\n"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsTypeIsForgotten() throws IOException {
        String stream = "event: status.update\n"
                + "id: 7\n"
                + "retry: 1000\n"
                + "\n"
                + "data: x\n"
                + "\n";

        assertThat(events(stream)).containsExactly(new SseEvent("message", "x"));
    }

    @Test
    void anEventCutOffBeforeItsBlankLineIsDropped() throws IOException {
        String stream = "event: update\ndata: {}\n\nevent: update\ndata: {\"cut\":";

        assertThat(events(stream)).containsExactly(new SseEvent("update", "{}"));
    }

    private static List<SseEvent> events(String stream) throws IOException {
        SseReader reader = new SseReader(new StringReader(stream));
        List<SseEvent> events = new ArrayList<>();
        for (Optional<SseEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
            events.add(e.get());
        }
        return events;
    }
}
