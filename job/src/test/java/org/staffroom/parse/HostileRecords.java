package org.staffroom.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated records of every shape a producer bug or an attacker could send (contract §1): posts
 * whose fields hold lone surrogates, NUL, zero-width and right-to-left characters or keys around
 * their limits, texts shaped against each pattern of the entity extractor, deep nesting, huge
 * numbers, 100 hashtags of 256 characters, random bytes. Shared by the parser's properties and the
 * end-to-end test of bad input; valid posts are dated 2025-01-01, before the good posts there, so
 * that they move no event time for them.
 */
public final class HostileRecords {
    /** Characters that have broken parsers, databases or displays. */
    private static final char[] HOSTILE = {
        '\uD800', '\uDFFF', '\u0000', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u202E', '\u200F', '\u2067',
        '\u061C', '\u0301', '\u00A0', '\u3000', '＃', '＠', '#', '@', '$', '.', '/', '(', ')', ':', '?', '"', '\\',
        '\n', '\t', ' ', 'a', 'Z', '1', 'é', 'д', '中', 'Ａ',
    };
    /** Units that make each pattern of twitter-text backtrack or recurse when repeated. */
    private static final String[] EXTRACTOR_UNITS = {
        ".a", "1.", "-a", "é.", "(a)", "(a)/", "@a/", "#", "#a,", "@a.", "@", "RT@", "$A,", " $AAPL.b", "https://",
        "x.com", "www.", "a.co:", ".xn--", "#é", "?a=", ".a.a.a.a.a ",
    };
    private static final String[] TEXT_PREFIXES = {"", "see https://x.co/", "x.com", "https://x.co/?", "#", "@"};

    private HostileRecords() {}

    /** Any of the shapes below. */
    public static Arbitrary<byte[]> any() {
        return Arbitraries.oneOf(posts(), deepNesting(), hugeNumbers(), manyLongHashtags(), randomBytes(),
                posts().flatMap(HostileRecords::mutated));
    }

    /** Posts with every field drawn from hostile strings; some are valid, most are not. */
    public static Arbitrary<byte[]> posts() {
        Arbitrary<String> key = hostileStrings(300);
        Arbitrary<String> hashtags = hostileStrings(300).list().ofMaxSize(3).map(HostileRecords::array);
        Arbitrary<String> text = Arbitraries.oneOf(hostileStrings(400), pathologicalTexts());
        Arbitrary<String> createdAt = Arbitraries.of("2025-01-01T10:00:00Z", "2025-01-01T10:00:00+01:00", "2025-13-01",
                "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "");
        return Combinators.combine(key, key, createdAt, key, key, text, Arbitraries.oneOf(hashtags, Arbitraries.just(null)),
                Arbitraries.oneOf(hashtags, Arbitraries.just(null))).as((id, platform, at, author, handle, t, tags, mentions) ->
                bytes("{\"id\":" + json(id) + ",\"platform\":" + json(platform) + ",\"createdAt\":" + json(at)
                        + ",\"author\":{\"id\":" + json(author) + ",\"handle\":" + json(handle) + "},\"text\":" + json(t)
                        + (tags == null ? "" : ",\"hashtags\":" + tags)
                        + (mentions == null ? "" : ",\"mentions\":" + mentions) + "}"));
    }

    /** Up to 25,000 characters of one unit of {@link #EXTRACTOR_UNITS} after a prefix that starts a link. */
    public static Arbitrary<String> pathologicalTexts() {
        return Combinators.combine(Arbitraries.of(TEXT_PREFIXES), Arbitraries.of(EXTRACTOR_UNITS),
                Arbitraries.integers().between(1, 25_000)).as((prefix, unit, length) -> {
                    StringBuilder sb = new StringBuilder(prefix);
                    while (sb.length() + unit.length() <= length) {
                        sb.append(unit);
                    }
                    return sb.toString();
                });
    }

    /** A valid post with an unknown field nested 1 to 1,500 levels deep, arrays or objects. */
    public static Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(ids(), Arbitraries.integers().between(1, 1_500), Arbitraries.of(true, false))
                .as((id, depth, arrays) -> bytes(validPost(id, ",\"extra\":" + (arrays
                        ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)))));
    }

    /** Numbers of up to 1,200 digits or with huge exponents, where a post has numbers and where not. */
    public static Arbitrary<byte[]> hugeNumbers() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(1_200).map(d -> "9" + d),
                Arbitraries.integers().between(-999_999_999, 999_999_999).map(e -> "1e" + e),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(900).map(d -> "-0." + d + "E-99999"));
        return Combinators.combine(ids(), number, Arbitraries.of("followers", "id", "extra")).as((id, n, where) -> bytes(
                where.equals("followers")
                        ? "{\"id\":" + json(id) + ",\"createdAt\":\"2025-01-01T10:00:00Z\",\"author\":{\"id\":\"u\",\"followers\":" + n + "}}"
                        : where.equals("id") ? "{\"id\":" + n + ",\"createdAt\":\"2025-01-01T10:00:00Z\",\"author\":{\"id\":\"u\"}}"
                        : validPost(id, ",\"extra\":" + n)));
    }

    /** 99 to 101 hashtags of 255 to 257 characters: either side of both limits. */
    public static Arbitrary<byte[]> manyLongHashtags() {
        return Combinators.combine(ids(), Arbitraries.integers().between(99, 101), Arbitraries.integers().between(255, 257),
                Arbitraries.of(true, false)).as((id, count, length, inText) -> {
                    List<String> tags = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        String n = Integer.toString(i);
                        tags.add("#" + n + "t".repeat(length - n.length()));
                    }
                    return bytes(validPost(id, inText ? ",\"text\":" + json(String.join(" ", tags)) : ",\"hashtags\":" + array(tags)));
                });
    }

    public static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    /** The record with a few bytes overwritten. */
    private static Arbitrary<byte[]> mutated(byte[] record) {
        return Arbitraries.integers().between(0, Math.max(0, record.length - 1)).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] out = record.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        out[positions.get(i)] = values.get(i);
                    }
                    return out;
                }));
    }

    /** Strings of hostile and plain characters, up to {@code max} long. */
    public static Arbitrary<String> hostileStrings(int max) {
        return Arbitraries.strings().withChars(HOSTILE).ofMaxLength(max);
    }

    /** A post that is valid before {@code more} members are added to it. */
    private static String validPost(String id, String more) {
        return "{\"id\":" + json(id) + ",\"createdAt\":\"2025-01-01T10:00:00Z\",\"author\":{\"id\":\"u\"}" + more + "}";
    }

    /** Ids of valid posts, distinct in practice, so that de-duplication keeps them apart. */
    private static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().ofLength(16).map(s -> "hostile-" + s);
    }

    /** A JSON string: control characters, quotes, backslashes and lone surrogates as escapes. */
    public static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(json(v)));
        return "[" + String.join(",", quoted) + "]";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
