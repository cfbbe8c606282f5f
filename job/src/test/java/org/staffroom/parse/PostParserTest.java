package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;

class PostParserTest {
    private static final long NOW = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();
    private final PostParser parser = new PostParser(ParserSettings.defaults());

    private Post parse(String json) throws InvalidPostException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private String rejection(String json) {
        return rejection(json.getBytes(StandardCharsets.UTF_8));
    }

    private String rejection(byte[] value) {
        ParsedRecord r = parser.read(value, "edu.posts", 3, 42, NOW);
        assertThat(r.post).as("accepted post").isNull();
        assertThat(r.rejected.topic).isEqualTo("edu.posts");
        assertThat(r.rejected.partition).isEqualTo(3);
        assertThat(r.rejected.offset).isEqualTo(42);
        assertThat(r.rejected.receivedAt).isEqualTo(NOW);
        return r.rejected.reason;
    }

    @Test
    void readsEveryFieldOfTheContract() throws Exception {
        Post p = parse("{\"id\":\"1\",\"platform\":\"mastodon\",\"createdAt\":\"2025-03-30T20:05:00+01:00\","
                + "\"author\":{\"id\":\"u1\",\"handle\":\"@MrsHead\",\"followers\":1200},"
                + "\"text\":\"ignored for entities\",\"hashtags\":[\"#SLTchat\",\"sltchat\",\"EdChat\"],"
                + "\"mentions\":[\"@Deputy\"],\"urls\":[\"https://eef.org.uk\"],\"replyTo\":\"0\",\"lang\":\"en\","
                + "\"somethingNew\":{\"nested\":true}}");
        assertThat(p.platform).isEqualTo("mastodon");
        assertThat(p.id).isEqualTo("1");
        assertThat(p.createdAt).isEqualTo(Instant.parse("2025-03-30T19:05:00Z").toEpochMilli());
        assertThat(p.receivedAt).isEqualTo(NOW);
        assertThat(p.authorId).isEqualTo("u1");
        assertThat(p.authorHandle).isEqualTo("MrsHead");
        assertThat(p.followers).isEqualTo(1200);
        assertThat(p.hashtags).containsExactly("sltchat", "edchat");
        assertThat(p.mentions).containsExactly("deputy");
        assertThat(p.flags).isEqualTo(PostFlags.REPLY | PostFlags.LINK | PostFlags.MENTION);
    }

    @Test
    void appliesTheDefaultsOfOptionalFields() throws Exception {
        Post p = parse("{\"id\":\"2\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u2\"},"
                + "\"retweetOf\":null}");
        assertThat(p.platform).isEqualTo("unknown");
        assertThat(p.authorHandle).isNull();
        assertThat(p.followers).isEqualTo(-1);
        assertThat(p.hashtags).isEmpty();
        assertThat(p.mentions).isEmpty();
        assertThat(PostFlags.isOriginal(p.flags)).isTrue();
        assertThat(p.flags).isZero();
    }

    @Test
    void extractsEntitiesFromTheTextWhenTheArraysAreAbsent() throws Exception {
        Post p = parse("{\"id\":\"3\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u3\"},"
                + "\"text\":\"Great thread from @Deputy_Head on #UKEdChat and #ＴｅａｃｈｅｒＳａｔ: "
                + "https://example.org/research?id=7 #ukedchat (mail me at a@b.com)\"}");
        assertThat(p.hashtags).containsExactly("ukedchat", "teachersat");
        assertThat(p.mentions).containsExactly("deputy_head");
        assertThat(p.has(PostFlags.LINK)).isTrue();
        assertThat(p.has(PostFlags.MENTION)).isTrue();
        assertThat(p.has(PostFlags.QUESTION)).as("the ? is inside a URL").isFalse();
    }

    @Test
    void anEmptyArrayMeansNoneEvenWhenTheTextHasSome() throws Exception {
        Post p = parse("{\"id\":\"4\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u4\"},"
                + "\"text\":\"#edchat with @someone https://x.org\",\"hashtags\":[],\"mentions\":[],\"urls\":[]}");
        assertThat(p.hashtags).isEmpty();
        assertThat(p.mentions).isEmpty();
        assertThat(p.has(PostFlags.LINK)).isFalse();
    }

    @Test
    void aQuestionIsAQuestionMarkOutsideLinksAndNotInARetweet() throws Exception {
        String base = "{\"id\":\"5\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u5\"},";
        assertThat(parse(base + "\"text\":\"What works for reading? #edchat\"}").has(PostFlags.QUESTION)).isTrue();
        assertThat(parse(base + "\"text\":\"RT what works? #edchat\",\"retweetOf\":\"9\"}").has(PostFlags.QUESTION))
                .isFalse();
        assertThat(parse(base + "\"text\":\"see https://t.co/abc #edchat\",\"urls\":[\"https://x.org/a?b=c\"]}")
                .has(PostFlags.QUESTION)).isFalse();
        assertThat(parse(base + "\"text\":\"read x.org/a?b=c\",\"urls\":[\"x.org/a?b=c\"]}").has(PostFlags.QUESTION))
                .isFalse();
    }

    @Test
    void kindsFollowTheReferenceFields() throws Exception {
        String base = "{\"id\":\"6\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u6\"},";
        assertThat(parse(base + "\"retweetOf\":\"1\"}").flags).isEqualTo(PostFlags.RETWEET);
        assertThat(parse(base + "\"quoteOf\":\"1\"}").flags).isEqualTo(PostFlags.QUOTE);
        assertThat(parse(base + "\"replyTo\":\"\"}").flags).as("an empty id is no reference").isZero();
    }

    @Test
    void rejectsRecordsThatAreNotJsonObjects() {
        assertThat(rejection("{\"id\":\"1\",")).startsWith("not valid JSON at line 1, column");
        assertThat(rejection("[1,2]")).isEqualTo("expected a JSON object, got array");
        assertThat(rejection("\"text\"")).isEqualTo("expected a JSON object, got string \"text\"");
        assertThat(rejection("")).isEqualTo("record is empty (expected a JSON object)");
        assertThat(rejection("{} {}")).startsWith("not valid JSON");
        assertThat(rejection(new byte[] {'{', '"', 'i', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}))
                .startsWith("not valid JSON").contains("UTF-8");
        assertThat(rejection((byte[]) null)).isEqualTo("record has no value (expected a JSON object)");
    }

    @Test
    void rejectsMissingAndMistypedFieldsNamingTheField() {
        String t = "\"createdAt\":\"2025-01-01T00:00:00Z\"";
        assertThat(rejection("{" + t + ",\"author\":{\"id\":\"u\"}}")).isEqualTo("id: required field is missing");
        assertThat(rejection("{\"id\":7," + t + ",\"author\":{\"id\":\"u\"}}")).isEqualTo("id: expected a string, got number 7");
        assertThat(rejection("{\"id\":\"\"," + t + ",\"author\":{\"id\":\"u\"}}")).isEqualTo("id: must not be empty");
        assertThat(rejection("{\"id\":\"1\",\"author\":{\"id\":\"u\"}}")).isEqualTo("createdAt: required field is missing");
        assertThat(rejection("{\"id\":\"1\"," + t + "}")).isEqualTo("author.id: required field is missing");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":\"u\"}")).isEqualTo("author: expected an object, got string \"u\"");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"handle\":\"x\"}}")).isEqualTo("author.id: required field is missing");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":null}}")).isEqualTo("author.id: required field is null");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"followers\":-3}}"))
                .isEqualTo("author.followers: expected an integer ≥ 0, got number -3");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"followers\":\"many\"}}"))
                .isEqualTo("author.followers: expected an integer ≥ 0, got string \"many\"");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\"},\"hashtags\":\"#edchat\"}"))
                .isEqualTo("hashtags: expected an array of strings, got string \"#edchat\"");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\"},\"mentions\":[\"a\",5]}"))
                .isEqualTo("mentions[1]: expected a string, got number 5");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\"},\"retweetOf\":12}"))
                .isEqualTo("retweetOf: expected a string, got number 12");
        assertThat(rejection("{\"id\":\"a\\u0000b\"," + t + ",\"author\":{\"id\":\"u\"}}"))
                .isEqualTo("id: contains a NUL character");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\"},\"hashtags\":[\"ed\\u0000chat\"]}"))
                .isEqualTo("hashtags: 'ed\uFFFDchat' contains a NUL character");
    }

    @Test
    void readsFieldsInAnyOrderAndALaterDuplicateReplacesAnEarlierOne() throws Exception {
        Post p = parse("{\"lang\":\"en\",\"author\":{\"followers\":5,\"id\":\"u1\",\"x\":[{\"a\":[]}],\"id\":\"u2\"},"
                + "\"hashtags\":[\"#a\",1],\"id\":7,\"createdAt\":\"2025-01-01T00:00:00Z\",\"id\":\"9\",\"hashtags\":[\"#b\"],"
                + "\"retweetOf\":\"1\",\"retweetOf\":null}");
        assertThat(p.id).isEqualTo("9");
        assertThat(p.authorId).isEqualTo("u2");
        assertThat(p.followers).isEqualTo(5);
        assertThat(p.hashtags).containsExactly("b");
        assertThat(p.flags).isZero();
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},"
                + "\"author\":{\"handle\":\"h\"}}")).as("a later author replaces all of an earlier one")
                .isEqualTo("author.id: required field is missing");
    }

    @Test
    void checksTheFieldsInAFixedOrderWhateverTheirOrderInTheRecord() {
        assertThat(rejection("{\"hashtags\":[\"a\",true],\"author\":5,\"createdAt\":\"x\",\"id\":null}"))
                .isEqualTo("id: required field is null");
        assertThat(rejection("{\"hashtags\":[\"a\",true],\"author\":5,\"createdAt\":\"x\",\"id\":\"1\"}"))
                .startsWith("createdAt: 'x' is not an ISO-8601 instant");
        assertThat(rejection("{\"hashtags\":[\"a\",true],\"author\":5,\"createdAt\":\"2025-01-01T00:00:00Z\",\"id\":\"1\"}"))
                .isEqualTo("author: expected an object, got number 5");
        assertThat(rejection("{\"hashtags\":[\"a\",true],\"author\":{\"id\":\"u\"},\"createdAt\":\"2025-01-01T00:00:00Z\","
                + "\"id\":\"1\"}")).isEqualTo("hashtags[1]: expected a string, got boolean true");
    }

    @Test
    void describesAMistypedValueAsItsJsonTreeNodePrintsIt() {
        String t = "\"createdAt\":\"2025-01-01T00:00:00Z\"";
        String a = ",\"author\":{\"id\":\"u\"}}";
        assertThat(rejection("{\"id\":1e10," + t + a)).isEqualTo("id: expected a string, got number 1.0E10");
        assertThat(rejection("{\"id\":-0.0," + t + a)).isEqualTo("id: expected a string, got number -0.0");
        assertThat(rejection("{\"id\":12345678901234567890," + t + a))
                .isEqualTo("id: expected a string, got number 12345678901234567890");
        assertThat(rejection("{\"id\":false," + t + a)).isEqualTo("id: expected a string, got boolean false");
        assertThat(rejection("{\"id\":{\"a\":1}," + t + a)).isEqualTo("id: expected a string, got object");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"followers\":9223372036854775808}}"))
                .isEqualTo("author.followers: expected an integer ≥ 0, got number 9223372036854775808");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"followers\":1.0}}"))
                .isEqualTo("author.followers: expected an integer ≥ 0, got number 1.0");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":\"say \\\"hi\\\"\\n" + "x".repeat(80) + "\"}"))
                .isEqualTo("author: expected an object, got string \"say \\\"hi\\\"\\n" + "x".repeat(64) + "...");
        assertThat(rejection("{\"id\":\"1\"," + t + a.replace("}}", "},\"urls\":[\"a\",null,5]}")))
                .isEqualTo("urls[1]: expected a string, got null null");
        assertThat(rejection("{\"id\":\"1\"," + t + a.replace("}}", "},\"mentions\":[[\"a\"]]}")))
                .isEqualTo("mentions[0]: expected a string, got array");
        assertThat(rejection("null")).isEqualTo("expected a JSON object, got null null");
        assertThat(rejection(" 1E3 ")).isEqualTo("expected a JSON object, got number 1000.0");
    }

    @Test
    void rejectsInvalidJsonAnywhereEvenInFieldsItDoesNotRead() {
        String post = "{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"}";
        assertThat(rejection(post + ",\n\"unknown\": {\"a\": [1,]}}"))
                .isEqualTo("not valid JSON at line 2, column 21: Unexpected character (']' (code 93)): expected a value");
        assertThat(rejection(post + ",\"hashtags\":[true,\"a\":1]}")).isEqualTo("not valid JSON at line 1, column 86: "
                + "Unexpected character (':' (code 58)): was expecting comma to separate Array entries");
        assertThat(rejection(post + ",\"x\":\"a\tb\"}")).startsWith("not valid JSON at line 1, column 72: Illegal unquoted character ((CTRL-CHAR, code 9))");
        assertThat(rejection(post + "}\n\n {}"))
                .isEqualTo("not valid JSON at line 3, column 2: Trailing token (of type START_OBJECT) found after value "
                        + "(bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
                        + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        assertThat(rejection("[1] 2")).isEqualTo("not valid JSON at line 1, column 5: Trailing token (of type "
                + "VALUE_NUMBER_INT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not "
                + "allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        assertThat(rejection(post + "} x")).startsWith("not valid JSON at line 1, column 68: Unrecognized token 'x'");
    }

    @Test
    void rejectsUnreadableAndImplausibleEventTimes() {
        String a = ",\"author\":{\"id\":\"u\"}}";
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"2025-13-01T00:00:00Z\"" + a))
                .isEqualTo("createdAt: '2025-13-01T00:00:00Z' is not an ISO-8601 instant with Z or an offset "
                        + "(e.g. 2025-03-30T19:00:00Z)");
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"2025-01-01T20:00:00\"" + a))
                .startsWith("createdAt: '2025-01-01T20:00:00' is not an ISO-8601 instant with Z or an offset");
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"1970-01-01T00:00:00Z\"" + a))
                .isEqualTo("createdAt: 1970-01-01T00:00:00Z is before 2000-01-01T00:00:00Z, the earliest accepted event time");
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"9999-12-31T00:00:00Z\"" + a))
                .isEqualTo("createdAt: 9999-12-31T00:00:00Z is more than 1d after the record was read at "
                        + "2025-06-01T12:00:00Z (a clock error would move event time for everyone)");
    }

    @Test
    void acceptsEventTimesJustInsideTheBounds() throws Exception {
        String a = ",\"author\":{\"id\":\"u\"}}";
        assertThat(parse("{\"id\":\"1\",\"createdAt\":\"2000-01-01T00:00:00Z\"" + a).createdAt)
                .isEqualTo(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
        assertThat(parse("{\"id\":\"1\",\"createdAt\":\"2025-06-02T12:00:00Z\"" + a).createdAt)
                .isEqualTo(NOW + 24 * 3600_000L);
        assertThatThrownBy(() -> parse("{\"id\":\"1\",\"createdAt\":\"2025-06-02T12:00:00.001Z\"" + a))
                .isInstanceOf(InvalidPostException.class);
    }

    @Test
    void rejectsRecordsOverOneMebibyteAndKeepsTheirFirst64KiB() {
        byte[] huge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        ParsedRecord r = parser.read(huge, "edu.posts", 0, 1, NOW);
        assertThat(r.rejected.reason).isEqualTo("record is 1,048,577 bytes, larger than the limit of 1 MiB (1,048,576 bytes)");
        assertThat(r.rejected.payload).hasSize(64 * 1024);
        assertThat(r.rejected.payloadBytes).isEqualTo(huge.length);
    }

    @Test
    void keepsRejectedPayloadsReadableAndStorable() {
        ParsedRecord r = parser.read(new byte[] {'a', 0, (byte) 0xFF, 'b'}, "edu.posts", 0, 1, NOW);
        assertThat(r.rejected.payload).isEqualTo("a\uFFFD\uFFFDb");
    }

    @Test
    void whatOnePostMayCostIsBounded() {
        String base = "{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},";
        StringBuilder tags = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            tags.append(i > 0 ? "," : "").append("\"#t").append(i).append('"');
            text.append(" #t").append(i);
        }
        assertThat(rejection(base + "\"hashtags\":[" + tags + "]}"))
                .isEqualTo("hashtags: 101 of them, more than the limit of 100 per post");
        assertThat(rejection(base + "\"text\":\"" + text + "\"}"))
                .isEqualTo("hashtags in text: 101 of them, more than the limit of 100 per post");
        assertThat(rejection(base + "\"text\":\"" + "x".repeat(25_001) + "\"}"))
                .isEqualTo("text: 25,001 characters, more than the limit of 25,000");
        assertThat(rejection(base + "\"urls\":[" + "\"https://a.org\",".repeat(50) + "\"https://b.org\"]}"))
                .isEqualTo("urls: 51 of them, more than the limit of 50 per post");
    }
}
