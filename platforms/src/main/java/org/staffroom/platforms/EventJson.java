package org.staffroom.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one line of JSON an event of the input format is written as. */
final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of the input format always serialises", e);
        }
    }
}
