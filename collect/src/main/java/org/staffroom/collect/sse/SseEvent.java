package org.staffroom.collect.sse;

import java.util.Objects;

/**
 * One server-sent event.
 *
 * @param type the {@code event:} field, {@code message} when the server names none
 * @param data the {@code data:} lines joined by new lines
 */
public record SseEvent(String type, String data) {
    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
