package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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
    void rejectsMissingAndMistypedFieldsNamingTheField() throws Exception {
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
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\\ud800\"}}"))
                .isEqualTo("author.id: contains a lone surrogate (U+D800), which is not text");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\"},\"mentions\":[\"a\",\"\\udfffb\"]}"))
                .isEqualTo("mentions[1]: contains a lone surrogate (U+DFFF), which is not text");
        assertThat(parse("{\"id\":\"\\ud83d\\ude00\"," + t + ",\"author\":{\"id\":\"u\"}}").id)
                .as("a pair escaped is one character").isEqualTo("😀");
    }

    @Test
    void rejectsARecordAConverterCouldNotMapWithItsReasonEvenWhenItLooksLikeAPost() {
        String post = "\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"}";
        assertThat(rejection("{\"conversionError\":\"x-v2: data[2].created_at is missing\",\"source\":{\"id\":\"9\"}}"))
                .isEqualTo("not converted from its platform's format: x-v2: data[2].created_at is missing");
        assertThat(rejection("{" + post + ",\"conversionError\":\"bluesky: record.text is a number\"}"))
                .isEqualTo("not converted from its platform's format: bluesky: record.text is a number");
        assertThat(rejection("{\"conversionError\":42}"))
                .isEqualTo("not converted from its platform's format: conversionError is number 42");
        assertThat(rejection("{\"conversionError\":\"" + "r".repeat(600) + "\"}"))
                .hasSize("not converted from its platform's format: ".length() + 500).endsWith("r...");
    }

    @Test
    void aDeletionEventIsRecognisedBeforeThePostRulesAndNeverCountsAsAPost() {
        ParsedRecord r = parser.read(("{\"deleted\":true,\"platform\":\"bluesky\",\"id\":\"at://did:plc:a/app.bsky.feed.post/3k\","
                + "\"createdAt\":\"2025-06-01T11:00:00+01:00\",\"hashtags\":[\"ukedchat\"]}").getBytes(StandardCharsets.UTF_8),
                "edu.posts", 0, 7, NOW);
        assertThat(r.post).isNull();
        assertThat(r.rejected).isNull();
        assertThat(r.deletion.platform).isEqualTo("bluesky");
        assertThat(r.deletion.id).isEqualTo("at://did:plc:a/app.bsky.feed.post/3k");
        assertThat(r.deletion.deletedAt).isEqualTo(Instant.parse("2025-06-01T10:00:00Z").toEpochMilli());
        assertThat(r.deletion.receivedAt).isEqualTo(NOW);

        // createdAt is optional, the platform defaults as a post's does
        ParsedRecord bare = parser.read("{\"id\":\"9\",\"deleted\":true}".getBytes(StandardCharsets.UTF_8), "t", 0, 8, NOW);
        assertThat(bare.deletion.platform).isEqualTo("unknown");
        assertThat(bare.deletion.deletedAt).isNull();
        // false is a post like any other
        assertThat(rejection("{\"id\":\"9\",\"deleted\":false}")).isEqualTo("createdAt: required field is missing");
        assertThatThrownBy(() -> parse("{\"id\":\"9\",\"deleted\":true}")).isInstanceOf(InvalidPostException.class)
                .hasMessage("a deletion event, not a post");
    }

    @Test
    void aMalformedDeletionIsRejectedWithItsReason() {
        assertThat(rejection("{\"deleted\":true,\"platform\":\"twitter\"}"))
                .isEqualTo("deletion event: id: required field is missing");
        assertThat(rejection("{\"deleted\":true,\"id\":\"" + "x".repeat(257) + "\"}"))
                .isEqualTo("deletion event: id: 257 characters, limit 256");
        assertThat(rejection("{\"deleted\":true,\"id\":7}")).isEqualTo("deletion event: id: expected a string, got number 7");
        assertThat(rejection("{\"deleted\":true,\"id\":\"7\",\"createdAt\":\"yesterday\"}"))
                .isEqualTo("deletion event: createdAt: 'yesterday' is not an ISO-8601 instant with Z or an offset "
                        + "(e.g. 2025-03-30T19:00:00Z)");
        assertThat(rejection("{\"deleted\":\"yes\",\"id\":\"7\"}")).isEqualTo("deleted: expected true or false, got string \"yes\"");
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
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"\\ud800x\",\"author\":{\"id\":\"u\"}}"))
                .as("a reason quoting a lone surrogate").startsWith("createdAt: '\uFFFDx' is not an ISO-8601 instant");
        assertThat(rejection("{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":\"" + "x".repeat(75)
                + "\\ud83d\\ude00yyyy\"}")).as("an emoji cut in half").endsWith("x".repeat(75) + "\uFFFD...");
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
        assertThat(rejection(base + "\"mentions\":[" + "\"@a\",".repeat(100) + "\"@b\"]}"))
                .isEqualTo("mentions: 101 of them, more than the limit of 100 per post");
    }

    @Test
    void aTextThatWouldOverflowTheExtractorsStackIsRejected() throws Exception {
        String base = "{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},";
        String text = "\"text\":\"see https://x.co/" + "(a)".repeat(1000) + "\"";
        assertThat(rejection(base + text + "}"))
                .isEqualTo("text: a word with 1,000 '(', more than the limit of 64 per word that may hold a link");
        assertThat(parse(base + text + ",\"hashtags\":[\"#x\"],\"mentions\":[],\"urls\":[]}").hashtags)
                .as("with every array given, the text is not read for entities").containsExactly("x");
    }

    @Test
    void aStackOverflowInTheExtractorIsARejection() throws Exception {
        // 64 groups pass the parenthesis limit, but not on a stack of 64 KiB
        byte[] value = ("{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},"
                + "\"text\":\"see https://x.co/" + "(a)".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8);
        parser.read(value, "edu.posts", 0, 1, NOW); // loads every class on a normal stack first
        AtomicReference<Object> result = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                result.set(parser.read(value, "edu.posts", 0, 1, NOW));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        assertThat(result.get()).isInstanceOf(ParsedRecord.class);
        assertThat(((ParsedRecord) result.get()).rejected.reason).isEqualTo("text: nested too deeply for the entity extractor");
    }

    /** 25,000 characters each, shaped against every pattern of the entity extractor. */
    @Test
    void pathologicalTextsAreDecidedWellUnderASecond() throws Exception {
        String budget = "text: finding its links, hashtags and mentions takes more than 250,000 steps of the entity "
                + "extractor, the limit per post";
        String[][] cases = {
            // name, prefix, repeated unit, the reason (null: accepted)
            {"link path of groups", "see https://x.co/", "(a)", "text: a word with 8,327 '(', more than the limit of 64 per word that may hold a link"},
            {"host of one-letter labels", "", ".a", budget},
            {"host of digit labels", "", "1.", null},
            {"host of dashes", "x", "-a", null},
            {"host of accents", "", "é.", budget},
            {"labels after a domain", "x.com", ".a", budget},
            {"short dotted words", "", ".a.a.a.a.a ", budget},
            {"link query", "https://x.co/?", "a!", null},
            {"link path of @", "x.co/", "@a/", budget},
            {"hashtag marks", "", "#", budget},
            {"hashtags in one word", "", "#a,", budget},
            {"one long hashtag", "#", "é", "hashtags in text[0]: 24,999 characters after normalisation, limit 256"},
            {"one long plain hashtag", "#", "a", "hashtags in text[0]: 24,999 characters after normalisation, limit 256"},
            {"mentions in one word", "", "@a.", budget},
            {"mention marks", "", "@", null},
            {"retweet marks", "", "RT@", budget},
            {"cashtags", "", "$A,", null},
            {"cashtag words", "", " $AAPL.b", null},
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        parse("{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},\"text\":\"x.co/(a) #a @b\"}");
        for (String[] c : cases) {
            StringBuilder text = new StringBuilder(c[1]);
            while (text.length() + c[2].length() <= PostParser.MAX_TEXT_CHARS) {
                text.append(c[2]);
            }
            byte[] value = ("{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"},\"text\":"
                    + TextNode.valueOf(text.toString()) + "}").getBytes(StandardCharsets.UTF_8);
            long cpu = threads.getCurrentThreadCpuTime();
            ParsedRecord r = parser.read(value, "edu.posts", 0, 1, NOW);
            long millis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            assertThat(r.rejected == null ? null : r.rejected.reason).as(c[0]).isEqualTo(c[3]);
            assertThat(millis).as(c[0] + ": CPU milliseconds").isLessThan(1_000);
        }
    }

    @Test
    void everyValueThatBecomesAKeyIsLimited() throws Exception {
        String t = "\"createdAt\":\"2025-01-01T00:00:00Z\"";
        String a = ",\"author\":{\"id\":\"u\"}";
        String k256 = "k".repeat(256);
        String k257 = "k".repeat(257);
        assertThat(parse("{\"id\":\"" + k256 + "\"," + t + a + "}").id).hasSize(256);
        assertThat(rejection("{\"id\":\"" + k257 + "\"," + t + a + "}")).isEqualTo("id: 257 characters, limit 256");
        assertThat(parse("{\"id\":\"" + "😀".repeat(256) + "\"," + t + a + "}").id).as("characters, not UTF-16 units")
                .hasSize(512);
        assertThat(rejection("{\"id\":\"1\",\"platform\":\"" + k257 + "\"," + t + a + "}"))
                .isEqualTo("platform: 257 characters, limit 256");
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"" + k257 + "\"}}"))
                .isEqualTo("author.id: 257 characters, limit 256");
        assertThat(parse("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"handle\":\"@" + k256 + "\"}}").authorHandle)
                .as("without its '@'").isEqualTo(k256);
        assertThat(rejection("{\"id\":\"1\"," + t + ",\"author\":{\"id\":\"u\",\"handle\":\"" + k257 + "\"}}"))
                .isEqualTo("author.handle: 257 characters, limit 256");
        assertThat(parse("{\"id\":\"1\"," + t + a + ",\"hashtags\":[\"#" + "Ｋ".repeat(256) + "\"]}").hashtags)
                .containsExactly(k256);
        assertThat(rejection("{\"id\":\"1\"," + t + a + ",\"hashtags\":[\"a\",\"b\",\"a\",\"＃" + "Ｋ".repeat(300) + "\"]}"))
                .isEqualTo("hashtags[3]: 300 characters after normalisation, limit 256");
        assertThat(rejection("{\"id\":\"1\"," + t + a + ",\"mentions\":[\"@" + k257 + "\"]}"))
                .isEqualTo("mentions[0]: 257 characters after normalisation, limit 256");
        assertThat(rejection("{\"id\":\"1\"," + t + a + ",\"text\":\"#ok #" + k257 + "\"}"))
                .isEqualTo("hashtags in text[1]: 257 characters after normalisation, limit 256");
        String url4096 = "https://x.org/" + "u".repeat(4096 - 14);
        assertThat(parse("{\"id\":\"1\"," + t + a + ",\"urls\":[\"" + url4096 + "\"]}").has(PostFlags.LINK)).isTrue();
        assertThat(rejection("{\"id\":\"1\"," + t + a + ",\"urls\":[\" \",\"" + url4096 + "u\"]}"))
                .isEqualTo("urls[1]: 4,097 characters, limit 4,096");
    }

    @Test
    void deepNestingAndHugeNumbersAreRejectedByJacksonsLimits() throws Exception {
        String post = "{\"id\":\"1\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"author\":{\"id\":\"u\"";
        assertThat(parse(post + "},\"x\":" + "[".repeat(999) + "]".repeat(999) + "}").id).as("1,000 levels").isEqualTo("1");
        assertThat(rejection(post + "},\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}"))
                .isEqualTo("record is beyond the JSON parser's limits: Document nesting depth (1001) exceeds the maximum "
                        + "allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
        assertThat(rejection("[".repeat(500_000) + "]".repeat(500_000))).startsWith("record is beyond the JSON parser's "
                + "limits: Document nesting depth (1001)");
        assertThat(rejection(post + "},\"x\":" + "9".repeat(1001) + "}"))
                .isEqualTo("record is beyond the JSON parser's limits: Number value length (1001) exceeds the maximum "
                        + "allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)");
        assertThat(rejection(post + ",\"followers\":" + "9".repeat(1000) + "}}"))
                .startsWith("author.followers: expected an integer ≥ 0, got number 9999");
        assertThat(rejection(post + ",\"followers\":1e999999}}"))
                .isEqualTo("author.followers: expected an integer ≥ 0, got number \"Infinity\"");
        assertThat(rejection(post + "},\"" + "n".repeat(50_001) + "\":1}"))
                .isEqualTo("record is beyond the JSON parser's limits: Name length (50001) exceeds the maximum allowed "
                        + "(50000, from `StreamReadConstraints.getMaxNameLength()`)");
    }
}
