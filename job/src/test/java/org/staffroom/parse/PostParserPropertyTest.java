package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;

/** Contract §1 over generated records: no record stops the parser, and what it accepts is bounded. */
class PostParserPropertyTest {
    private static final long NOW = Instant.parse("2025-01-08T00:00:00Z").toEpochMilli();
    private static final String[] UNKNOWN_NAMES = {"lang", "entities", "public_metrics", "edit_history", "x", "Id", "author_id"};
    private final PostParser parser = new PostParser(ParserSettings.defaults());

    @Property(tries = 300)
    void readNeverThrowsAndRejectsWithAReason(@ForAll("hostile") byte[] record) {
        ParsedRecord r = parser.read(record, "edu.posts", 0, 7, NOW);
        assertThat(java.util.stream.Stream.of(r.post, r.deletion, r.rejected).filter(java.util.Objects::nonNull))
                .as("exactly one of post, deletion and rejection").hasSize(1);
        if (r.rejected != null) {
            assertThat(r.rejected.reason).isNotBlank().doesNotStartWith("internal error").doesNotContain("\u0000")
                    .matches(reason -> reason.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF), "PostgreSQL text");
        }
    }

    @Property(tries = 300)
    void anAcceptedPostRespectsEveryLimit(@ForAll("hostile") byte[] record) {
        Post p = parser.read(record, "edu.posts", 0, 7, NOW).post;
        Statistics.label("outcome").collect(p == null ? "rejected" : "accepted");
        Statistics.label("outcome").coverage(c -> c.check("accepted").percentage(share -> share >= 5));
        if (p == null) {
            return;
        }
        List<String> keys = new ArrayList<>(List.of(p.id, p.platform, p.authorId));
        if (p.authorHandle != null) {
            keys.add(p.authorHandle);
        }
        keys.addAll(List.of(p.hashtags));
        keys.addAll(List.of(p.mentions));
        for (String key : keys) {
            assertThat(key.codePointCount(0, key.length())).as(key).isLessThanOrEqualTo(PostParser.MAX_KEY_CHARS);
        }
        assertThat(p.hashtags).hasSizeLessThanOrEqualTo(PostParser.MAX_HASHTAGS).doesNotHaveDuplicates();
        assertThat(p.mentions).hasSizeLessThanOrEqualTo(PostParser.MAX_MENTIONS).doesNotHaveDuplicates();
        assertThat(String.join("", p.hashtags) + String.join("", p.mentions) + p.id + p.platform + p.authorId)
                .doesNotContain("\u0000");
    }

    @Property(tries = 200)
    void unknownFieldsChangeNothing(@ForAll("posts") String post, @ForAll("unknownMembers") List<String> unknown) {
        // each unknown member goes after the first member of the object, or of the author object
        String withUnknown = post;
        for (String member : unknown) {
            int at = member.hashCode() % 2 == 0 ? withUnknown.indexOf("\"author\":{") + 10 : 1;
            withUnknown = withUnknown.substring(0, at) + member + "," + withUnknown.substring(at);
        }
        ParsedRecord plain = parser.read(post.getBytes(StandardCharsets.UTF_8), "edu.posts", 0, 7, NOW);
        ParsedRecord more = parser.read(withUnknown.getBytes(StandardCharsets.UTF_8), "edu.posts", 0, 7, NOW);
        assertThat(more.post).isEqualTo(plain.post);
        assertThat(more.rejected == null ? null : more.rejected.reason)
                .isEqualTo(plain.rejected == null ? null : plain.rejected.reason);
    }

    /** Members in any order, names escaped or not, read the same: {@link PostFields} keeps them by name. */
    @Property(tries = 300)
    void theOrderOfFieldsChangesNothing(@ForAll("posts") String post, @ForAll long seed) throws IOException {
        String shuffled = shuffledMembers(post, new Random(seed));
        ParsedRecord usual = parser.read(post.getBytes(StandardCharsets.UTF_8), "edu.posts", 0, 7, NOW);
        ParsedRecord other = parser.read(shuffled.getBytes(StandardCharsets.UTF_8), "edu.posts", 0, 7, NOW);
        assertThat(other.post).as(shuffled).isEqualTo(usual.post);
        assertThat(other.rejected == null ? null : other.rejected.reason)
                .isEqualTo(usual.rejected == null ? null : usual.rejected.reason);
    }

    /** The record's members, and its author's, in a random order, some names written with an escape. */
    private static String shuffledMembers(String json, Random random) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            return shuffledObject(p, json, random);
        }
    }

    private static String shuffledObject(JsonParser p, String json, Random random) throws IOException {
        List<String> members = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int start = (int) p.currentTokenLocation().getCharOffset();
            String valueText;
            if (value == JsonToken.START_OBJECT && name.equals("author")) {
                valueText = shuffledObject(p, json, random);
            } else {
                p.skipChildren();
                p.getText(); // a string is read to its end only when asked for
                valueText = json.substring(start, (int) p.currentLocation().getCharOffset());
            }
            String quoted = random.nextBoolean() ? name
                    : String.format("\\u%04x", (int) name.charAt(0)) + name.substring(1);
            members.add("\"" + quoted + "\":" + valueText);
        }
        Collections.shuffle(members, random);
        return "{" + String.join(",", members) + "}";
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return HostileRecords.any();
    }

    /** Valid posts with entities in arrays or text, and hostile values in their strings. */
    @Provide
    Arbitrary<String> posts() {
        Arbitrary<String> text = Arbitraries.oneOf(HostileRecords.hostileStrings(200), HostileRecords.pathologicalTexts(),
                Arbitraries.of("Evidence on feedback https://eef.org.uk #UKEdChat @deputy?", "#a #b #a @c x.co/(a)"));
        Arbitrary<String> tags = HostileRecords.hostileStrings(30).list().ofMaxSize(5)
                .map(l -> l.stream().map(HostileRecords::json).toList().toString().replace(", ", ","));
        return Combinators.combine(text, Arbitraries.oneOf(tags, Arbitraries.just("")), Arbitraries.of("", "1", "absent"))
                .as((t, hashtags, retweetOf) -> "{\"id\":\"p1\",\"createdAt\":\"2025-01-07T10:00:00Z\","
                        + "\"author\":{\"id\":\"u\",\"followers\":12},\"text\":" + HostileRecords.json(t)
                        + (hashtags.isEmpty() ? "" : ",\"hashtags\":" + hashtags)
                        + (retweetOf.equals("absent") ? "" : ",\"retweetOf\":" + HostileRecords.json(retweetOf)) + "}");
    }

    /** Members the contract does not know, with values of any JSON type nested a little. */
    @Provide
    Arbitrary<List<String>> unknownMembers() {
        Arbitrary<String> scalar = Arbitraries.oneOf(HostileRecords.hostileStrings(50).map(HostileRecords::json),
                Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().between(-1e300, 1e300).map(String::valueOf),
                Arbitraries.of("true", "false", "null", "123456789012345678901234567890", "-0.0e-7"));
        Arbitrary<String> value = Arbitraries.recursive(() -> scalar,
                inner -> Arbitraries.oneOf(inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                        inner.map(v -> "{\"id\":" + v + ",\"hashtags\":[" + v + "]}")), 0, 6);
        return Combinators.combine(Arbitraries.of(UNKNOWN_NAMES), value).as((name, v) -> "\"" + name + "\":" + v)
                .list().ofMaxSize(4);
    }
}
