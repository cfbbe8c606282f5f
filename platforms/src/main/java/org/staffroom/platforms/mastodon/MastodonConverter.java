package org.staffroom.platforms.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.staffroom.platforms.BoundedLru;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.SourceNode;

/**
 * Mastodon records: a Status entity (an export line), a REST page (an array of statuses) or a
 * streaming frame {@code {"event": "update", "payload": "<the status as a JSON string>"}}. A
 * {@code delete} frame names a status by its id on the server asked: it becomes a deletion of the uri
 * this converter gave that status, remembered for the last {@value #MAX_LOCAL_IDS} statuses it
 * converted. Other frames are not posts: {@code status.update} edits one already counted under the
 * same uri, the rest are notifications and filters.
 *
 * @see Accts for how a bare {@code acct} gets its domain
 */
public final class MastodonConverter implements RecordConverter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Statuses whose local id a later delete frame may name: a stream's recent ones. */
    static final int MAX_LOCAL_IDS = 100_000;

    private final StatusMapper statuses;
    private final BoundedLru<String, String> uriByLocalId =
            new BoundedLru<>(MAX_LOCAL_IDS, "the number of Mastodon statuses remembered for deletions");

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
        if (event.equals("delete")) {
            return delete(frame);
        }
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

    /** A delete frame's payload is the status' local id, not JSON: a stream line says nothing more. */
    private Conversion delete(JsonNode frame) {
        JsonNode payload = frame.path("payload");
        if (!payload.isTextual() || payload.asText().isEmpty()) {
            return new Conversion.Unmappable("mastodon: payload of a 'delete' frame is not a status id", frame.toString());
        }
        String uri = uriByLocalId.get(payload.asText());
        if (uri == null) {
            return new Conversion.Skipped("mastodon: a 'delete' frame of a status not converted here (its uri is unknown)");
        }
        return new Conversion.Deleted(new DeletionEvent(StatusMapper.PLATFORM, uri, null));
    }

    private Conversion status(SourceNode status, JsonNode source) {
        return Conversion.attempt(SourceFormat.MASTODON, source, () -> {
            PostEvent event = statuses.map(status);
            status.field("id").optionalText().ifPresent(localId -> uriByLocalId.put(localId, event.id));
            return new Conversion.Converted(event);
        });
    }
}
