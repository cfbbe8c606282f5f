package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A record as a hashtag stream or its catch-up delivers it, for the converter: a status entity
 * (from the timeline) or a streaming frame {@code {"event": …, "payload": …}}.
 *
 * @param statusId the status' id on the server, when the record is a status; null otherwise (a
 *     delete, an edit): only statuses move the stream's position
 */
record Arrival(ServerTag from, String statusId, JsonNode record) {
    Arrival {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(record, "record");
    }
}
