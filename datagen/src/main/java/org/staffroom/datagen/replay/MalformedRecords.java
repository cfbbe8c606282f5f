package org.staffroom.datagen.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Records the job must reject (contract §1), made from a good post so that they look like what a
 * buggy producer sends. Each {@link Kind} is rejected whatever the post it was made from: a post
 * line that is not a readable JSON object is replaced by a built-in template first.
 */
public final class MalformedRecords {

    /** The kinds of malformed record, each a reason the job gives in {@code rejected_posts}. */
    public enum Kind {
        /** A strict prefix of the JSON object: never a complete JSON value. */
        TRUNCATED("truncated"),
        /** Valid JSON that is not an object: an array, a string, a number, {@code true} or {@code null}. */
        NOT_AN_OBJECT("not-an-object"),
        /** An object without {@code id}, {@code createdAt}, {@code author} or {@code author.id}. */
        MISSING_FIELD("missing-field"),
        /** A field of the wrong type: {@code id} a number, {@code author.followers} negative, … */
        WRONG_TYPE("wrong-type"),
        /** A {@code createdAt} that is not an ISO-8601 instant with {@code Z} or an offset. */
        BAD_CREATED_AT("bad-createdAt"),
        /** Bytes that are not UTF-8 inside the text. */
        INVALID_UTF8("invalid-utf8"),
        /** A NUL: raw inside a string (invalid JSON), after the object, or escaped in the id. */
        NUL_BYTES("nul");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "__staffroom_replay_mark__";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);
    private static final String TEMPLATE = "{\"id\":\"malformed-template\",\"platform\":\"twitter\","
            + "\"createdAt\":\"2025-01-09T20:00:00Z\",\"author\":{\"id\":\"0\",\"handle\":\"template\","
            + "\"followers\":10},\"text\":\"a template post #UKEdChat\"}";

    private static final String[] BAD_TIMES = {
        "2025-13-01T20:00:00Z",          // month 13
        "2025-02-30T20:00:00Z",          // no such day
        "2025-01-09 20:01:00",           // no T, no zone
        "2025-01-09T20:01:00",           // no offset
        "2025-01-09T25:00:00Z",          // hour 25
        "09/01/2025 20:01",              // a local format
        "yesterday",
        "",
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF},                   // never in UTF-8
        {(byte) 0xC3, (byte) 0x28},      // a 2-byte sequence with a bad continuation
        {(byte) 0x80},                   // a continuation byte on its own
        {(byte) 0xE2, (byte) 0x82},      // a 3-byte sequence cut short
        {(byte) 0xFE, (byte) 0xFE},      // never in UTF-8
    };

    private MalformedRecords() {}

    /** A record of {@code kind} made from the post line {@code base}, variations chosen by {@code random}. */
    public static byte[] make(Kind kind, byte[] base, SplittableRandom random) {
        ObjectNode post = template(base);
        switch (kind) {
            case TRUNCATED: {
                byte[] full = bytes(post);
                return Arrays.copyOf(full, 1 + random.nextInt(full.length - 1));
            }
            case NOT_AN_OBJECT: {
                switch (random.nextInt(5)) {
                    case 0: return bytes(JsonNodeFactory.instance.arrayNode().add(post));
                    case 1: return bytes(JsonNodeFactory.instance.textNode(post.toString()));
                    case 2: return "42".getBytes(StandardCharsets.US_ASCII);
                    case 3: return "true".getBytes(StandardCharsets.US_ASCII);
                    default: return "null".getBytes(StandardCharsets.US_ASCII);
                }
            }
            case MISSING_FIELD: {
                switch (random.nextInt(4)) {
                    case 0: post.remove("id"); break;
                    case 1: post.remove("createdAt"); break;
                    case 2: post.remove("author"); break;
                    default: ((ObjectNode) post.get("author")).remove("id"); break;
                }
                return bytes(post);
            }
            case WRONG_TYPE: {
                ObjectNode author = (ObjectNode) post.get("author");
                switch (random.nextInt(7)) {
                    case 0: post.put("id", 1000L + random.nextInt(1_000_000)); break;
                    case 1: post.put("createdAt", 1_736_452_800_000L); break;
                    case 2: post.put("author", "author-" + author.path("id").asText()); break;
                    case 3: author.put("id", 1000L + random.nextInt(1_000_000)); break;
                    case 4: author.put("followers", -1 - random.nextInt(1000)); break;
                    case 5: author.put("followers", "many"); break;
                    default: post.put("hashtags", "ukedchat"); break;
                }
                return bytes(post);
            }
            case BAD_CREATED_AT: {
                post.put("createdAt", BAD_TIMES[random.nextInt(BAD_TIMES.length)]);
                return bytes(post);
            }
            case INVALID_UTF8: {
                String text = post.path("text").isTextual() ? post.get("text").textValue() : "";
                int cut = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
                if (cut > 0 && cut < text.length() && Character.isLowSurrogate(text.charAt(cut))) {
                    cut--;   // never split a surrogate pair
                }
                post.put("text", text.substring(0, cut) + MARK + text.substring(cut));
                return replaceMark(bytes(post), INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            }
            case NUL_BYTES: {
                switch (random.nextInt(3)) {
                    case 0: {
                        // a raw NUL inside the id: a control character a JSON string cannot hold
                        post.put("id", post.path("id").asText() + MARK);
                        return replaceMark(bytes(post), new byte[] {0});
                    }
                    case 1: {
                        // a NUL after the object: not one JSON value
                        byte[] full = bytes(post);
                        byte[] out = Arrays.copyOf(full, full.length + 1);
                        out[full.length] = 0;
                        return out;
                    }
                    default: {
                        // an escaped NUL in the id: valid JSON, but a key PostgreSQL cannot store
                        post.put("id", post.path("id").asText() + "\u0000");
                        return bytes(post);
                    }
                }
            }
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** {@code base} as a JSON object with string {@code id} and an {@code author} object, else the template. */
    private static ObjectNode template(byte[] base) {
        try {
            JsonNode node = JSON.readTree(base);
            if (node instanceof ObjectNode && node.path("id").isTextual() && node.path("author").isObject()) {
                return (ObjectNode) node;
            }
        } catch (IOException | RuntimeException unreadable) {
            // fall through to the template
        }
        try {
            return (ObjectNode) JSON.readTree(TEMPLATE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the template is valid JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static byte[] replaceMark(byte[] in, byte[] with) {
        int at = indexOf(in, MARK_BYTES);
        byte[] out = new byte[in.length - MARK_BYTES.length + with.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(in, at + MARK_BYTES.length, out, at + with.length, in.length - at - MARK_BYTES.length);
        return out;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the mark was written");
    }
}
