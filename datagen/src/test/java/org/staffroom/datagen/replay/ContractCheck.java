package org.staffroom.datagen.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The rejection rules of contract §1 and the job's parser (its README's decisions), for tests:
 * why the job would reject a record, or null when it would accept it. The time bounds (future,
 * before 2000) are left out: they depend on the job's configuration and clock.
 */
final class ContractCheck {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ContractCheck() {}

    static String rejection(byte[] value) {
        if (value.length > 1 << 20) {
            return "larger than 1 MiB";
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (Exception e) {
            return "not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
        }
        if (root == null || root.isMissingNode()) {
            return "empty";
        }
        if (!root.isObject()) {
            return "not an object";
        }
        String r;
        if ((r = requiredString(root, "id")) != null || (r = requiredString(root, "createdAt")) != null) {
            return r;
        }
        try {
            OffsetDateTime.parse(root.get("createdAt").textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return "createdAt: not an ISO-8601 instant";
        }
        JsonNode author = root.get("author");
        if (author == null || author.isNull()) {
            return "author.id: missing";
        }
        if (!author.isObject()) {
            return "author: not an object";
        }
        if ((r = requiredString(author, "id")) != null) {
            return "author." + r;
        }
        JsonNode followers = author.get("followers");
        if (followers != null && !followers.isNull()
                && (!followers.isIntegralNumber() || !followers.canConvertToLong() || followers.asLong() < 0)) {
            return "author.followers: not an integer ≥ 0";
        }
        for (String f : new String[] {"platform", "text", "retweetOf", "replyTo", "quoteOf", "lang"}) {
            if ((r = optionalString(root, f)) != null) {
                return r;
            }
        }
        if ((r = optionalString(author, "handle")) != null) {
            return "author." + r;
        }
        for (String f : new String[] {"hashtags", "mentions", "urls"}) {
            JsonNode a = root.get(f);
            if (a != null && !a.isNull()) {
                if (!a.isArray()) {
                    return f + ": not an array";
                }
                for (JsonNode e : a) {
                    if (!e.isTextual() || e.textValue().indexOf('\u0000') >= 0) {
                        return f + ": not an array of strings without NUL";
                    }
                }
            }
        }
        return null;
    }

    /** Whether the bytes are well-formed UTF-8. */
    static boolean validUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String requiredString(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return field + ": missing";
        }
        if (!node.isTextual()) {
            return field + ": not a string";
        }
        if (node.textValue().isEmpty()) {
            return field + ": empty";
        }
        if (node.textValue().indexOf('\u0000') >= 0) {
            return field + ": NUL";
        }
        return null;
    }

    private static String optionalString(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            return field + ": not a string";
        }
        return node.textValue().indexOf('\u0000') >= 0 ? field + ": NUL" : null;
    }
}
