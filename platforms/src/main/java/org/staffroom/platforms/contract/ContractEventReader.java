package org.staffroom.platforms.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;

/**
 * Records already in the contract's format: read as they are, so they can be sorted and written
 * beside converted ones. Their fields are checked by the job, as any producer's; only a record that
 * does not fit the event's shape at all is unmappable here.
 */
public final class ContractEventReader implements RecordConverter {
    // unknown fields are ignored, as the contract says
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public List<Conversion> convert(JsonNode record) {
        try {
            return List.of(new Conversion.Converted(JSON.treeToValue(record, PostEvent.class)));
        } catch (Exception e) {
            return List.of(new Conversion.Unmappable("staffroom: " + e.getMessage().lines().findFirst().orElse(""),
                    record.toString()));
        }
    }
}
