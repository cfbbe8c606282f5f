package org.staffroom.platforms.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A platform record that could not be mapped, as a record of the posts topic:
 * {@code {"conversionError": reason, "source": record}} (an addition to the event format). The job
 * writes it to {@code rejected_posts} with its reason, so nothing an import or a collector could
 * not map is lost.
 */
public final class Rejection {
    /** The job refuses records over 1 MiB: a rejection keeps a preview of a record larger than this. */
    static final int MAX_SOURCE_CHARS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rejection() {}

    /** The rejection's JSON; {@code source} is kept as JSON when it is, else as text, cut to a preview when long. */
    public static String json(String reason, String source) {
        ObjectNode rejection = JSON.createObjectNode();
        rejection.put("conversionError", reason);
        JsonNode sourceNode = null;
        if (source.length() <= MAX_SOURCE_CHARS) {
            try {
                sourceNode = JSON.readTree(source);
            } catch (JsonProcessingException e) {
                sourceNode = null; // not JSON: kept as text below
            }
        }
        if (sourceNode != null) {
            rejection.set("source", sourceNode);
        } else {
            rejection.put("source", source.length() <= MAX_SOURCE_CHARS ? source : source.substring(0, MAX_SOURCE_CHARS));
        }
        return rejection.toString();
    }
}
