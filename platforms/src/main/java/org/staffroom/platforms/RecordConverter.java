package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Turns one native record of a platform into conversions. One record may hold many posts (an X
 * search page, a Mastodon timeline page), so the answer is a list, in the record's own order.
 */
public interface RecordConverter {
    List<Conversion> convert(JsonNode record);
}
