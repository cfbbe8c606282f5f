package org.staffroom.platforms.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.SourceNode;

/**
 * Mastodon records: a Status entity (an export line), a REST page (an array of statuses) or a
 * streaming frame {@code {"event": "update", "payload": "<the status as a JSON string>"}}. Frames
 * other than {@code update} are not posts: {@code delete} removes one, {@code status.update} edits
 * one already counted under the same uri, the rest are notifications and filters.
 *
 * @see Accts for how a bare {@code acct} gets its domain
 */
public final class MastodonConverter implements RecordConverter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatusMapper statuses;

    /** {@code localDomain}: the account domain of the server asked, for handles without one; may be empty. */
    public MastodonConverter(Optional<String> localDomain) {
        this.statuses = new StatusMapper(new Accts(localDomain));
    }

    @Override
    public List<Conversion> convert(JsonNode record) {
        if (record.isArray()) {
            List<Conversion> conversions = new ArrayList<>();
            for (SourceNode status : SourceNode.of(record, "").elements()) {
                conversions.add(status(status, status.node()));
            }
            return conversions;
        }
        if (record.has("event")) {
            return List.of(frame(record));
        }
        return List.of(status(SourceNode.of(record, ""), record));
    }

    private Conversion frame(JsonNode frame) {
        String event = frame.path("event").asText();
        if (!event.equals("update")) {
            return new Conversion.Skipped("mastodon: a '" + event + "' frame is not a new post");
        }
        JsonNode payload = frame.path("payload");
        if (payload.isTextual()) {
            try {
                payload = JSON.readTree(payload.asText());
            } catch (JsonProcessingException e) {
                return new Conversion.Unmappable("mastodon: payload is not JSON: "
                        + e.getOriginalMessage(), frame.toString());
            }
        }
        return status(SourceNode.of(payload, "payload"), frame);
    }

    private Conversion status(SourceNode status, JsonNode source) {
        return Conversion.attempt(SourceFormat.MASTODON, source,
                () -> new Conversion.Converted(statuses.map(status)));
    }
}
