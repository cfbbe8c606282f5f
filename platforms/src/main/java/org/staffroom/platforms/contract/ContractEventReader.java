package org.staffroom.platforms.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;

/**
 * Records already in the contract's format, post events and deletion events: read as they are, so they can be sorted and written
 * beside converted ones. Their fields are checked by the job, as any producer's; only a record that
 * does not fit the event's shape at all is unmappable here.
 */
public final class ContractEventReader implements RecordConverter {
    // unknown fields are ignored, as the contract says
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public List<Conversion> convert(JsonNode record) {
        if (record.path("deleted").asBoolean(false)) {
            return List.of(deletion(record));
        }
        try {
            return List.of(new Conversion.Converted(JSON.treeToValue(record, PostEvent.class)));
        } catch (Exception e) {
            return List.of(new Conversion.Unmappable("staffroom: " + e.getMessage().lines().findFirst().orElse(""),
                    record.toString()));
        }
    }

    /** A deletion event names its post by platform and id, as its post event did. */
    private static Conversion deletion(JsonNode record) {
        JsonNode platform = record.path("platform");
        JsonNode id = record.path("id");
        if (!platform.isTextual() || !id.isTextual()) {
            return new Conversion.Unmappable("staffroom: a deletion event needs platform and id as strings",
                    record.toString());
        }
        JsonNode createdAt = record.path("createdAt");
        return new Conversion.Deleted(new DeletionEvent(platform.asText(), id.asText(),
                createdAt.isTextual() ? createdAt.asText() : null));
    }
}
