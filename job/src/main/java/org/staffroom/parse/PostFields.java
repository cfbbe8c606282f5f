package org.staffroom.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a post record that {@link PostParser} checks, read from the JSON tokens in one pass:
 * building a JSON tree of every record cost 17% of the job's CPU. Unknown fields are skipped, but
 * still read to their end, so invalid JSON anywhere in a record rejects it.
 *
 * <p>Nothing is checked here. Each field keeps what the record had, so that the parser checks them
 * in its own fixed order whatever their order in the record; a later duplicate replaces an earlier
 * one, as in a JSON tree. A field is null when absent, a {@code String} for a string, a {@code Long}
 * for an integer within the range of long, an {@link Author} for the author object, a
 * {@code List<String>} for an array of strings, a {@link WrongElement} for an array holding
 * anything else; otherwise the value's {@link JsonNode} ({@link NullNode} for null), which only a
 * rejection needs, to describe it.
 */
final class PostFields {
    Object id;
    Object platform;
    Object createdAt;
    Object author;
    Object text;
    Object hashtags;
    Object mentions;
    Object urls;
    Object retweetOf;
    Object replyTo;
    Object quoteOf;
    /** {@code true} in a deletion event: the record names a deleted post instead of being one. */
    Object deleted;
    /** Set by a converter that could not map a platform's record (sources.md): the record is rejected. */
    Object conversionError;

    /** The author object's fields, kept as the post's are. */
    static final class Author {
        Object id;
        Object handle;
        Object followers;
    }

    /** The first element of an array that is not a string, and its index. */
    record WrongElement(int index, Object value) {}

    private PostFields() {}

    /**
     * Reads the object whose START_OBJECT is the parser's current token, up to its END_OBJECT. The
     * parser's codec must be an ObjectMapper that does not fail on trailing tokens: it reads the
     * values to describe, which are followed by the rest of the record.
     */
    static PostFields read(JsonParser p) throws IOException {
        PostFields f = new PostFields();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> f.id = value(p, t);
                case "platform" -> f.platform = value(p, t);
                case "createdAt" -> f.createdAt = value(p, t);
                case "author" -> f.author = t == JsonToken.START_OBJECT ? author(p) : value(p, t);
                case "text" -> f.text = value(p, t);
                case "hashtags" -> f.hashtags = t == JsonToken.START_ARRAY ? strings(p) : value(p, t);
                case "mentions" -> f.mentions = t == JsonToken.START_ARRAY ? strings(p) : value(p, t);
                case "urls" -> f.urls = t == JsonToken.START_ARRAY ? strings(p) : value(p, t);
                case "retweetOf" -> f.retweetOf = value(p, t);
                case "replyTo" -> f.replyTo = value(p, t);
                case "quoteOf" -> f.quoteOf = value(p, t);
                case "conversionError" -> f.conversionError = value(p, t);
                case "deleted" -> f.deleted = value(p, t);
                default -> p.skipChildren();
            }
        }
        return f;
    }

    private static Author author(JsonParser p) throws IOException {
        Author a = new Author();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> a.id = value(p, t);
                case "handle" -> a.handle = value(p, t);
                case "followers" -> a.followers = value(p, t);
                default -> p.skipChildren();
            }
        }
        return a;
    }

    /** The array at START_ARRAY: its strings, or its first element that is not a string. */
    private static Object strings(JsonParser p) throws IOException {
        List<String> strings = new ArrayList<>();
        WrongElement wrong = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (wrong != null) {
                p.skipChildren();
            } else if (t == JsonToken.VALUE_STRING) {
                strings.add(p.getText());
            } else {
                wrong = new WrongElement(strings.size(), value(p, t));
            }
        }
        return wrong != null ? wrong : strings;
    }

    /** The value starting at token {@code t}; a tree only for what the parser rejects anyway. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return p.readValueAsTree();
    }
}
