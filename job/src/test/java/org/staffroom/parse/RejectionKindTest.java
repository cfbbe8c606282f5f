package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffroom.model.ParsedRecord;

/** Every form of reason the parser writes falls into the kind an operator expects, read from real rejections. */
class RejectionKindTest {
    private final PostParser parser = new PostParser(ParserSettings.defaults());

    @Test
    void eachRejectionOfTheParserHasItsKind() {
        String longId = "x".repeat(300);
        Map<String, RejectionKind> expected = Map.ofEntries(
                Map.entry("not json", RejectionKind.MALFORMED),
                Map.entry("", RejectionKind.MALFORMED),
                Map.entry("[1, 2]", RejectionKind.MALFORMED),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"2025-01-07T10:00:00Z\", \"author\": {\"id\": ", RejectionKind.MALFORMED),
                Map.entry("{\"conversionError\": \"created_at missing\", \"source\": {}}", RejectionKind.UNCONVERTED),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"yesterday\", \"author\": {\"id\": \"a\"}}", RejectionKind.EVENT_TIME),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"2999-01-07T10:00:00Z\", \"author\": {\"id\": \"a\"}}", RejectionKind.EVENT_TIME),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"1999-01-07T10:00:00Z\", \"author\": {\"id\": \"a\"}}", RejectionKind.EVENT_TIME),
                Map.entry("{\"id\": \"1\", \"author\": {\"id\": \"a\"}}", RejectionKind.FIELD),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"2025-01-07T10:00:00Z\"}", RejectionKind.FIELD),
                Map.entry("{\"id\": 1, \"createdAt\": \"2025-01-07T10:00:00Z\", \"author\": {\"id\": \"a\"}}", RejectionKind.FIELD),
                Map.entry("{\"id\": \"" + longId + "\", \"createdAt\": \"2025-01-07T10:00:00Z\", \"author\": {\"id\": \"a\"}}", RejectionKind.LIMIT),
                Map.entry("{\"id\": \"1\", \"createdAt\": \"2025-01-07T10:00:00Z\", \"author\": {\"id\": \"a\"}, "
                        + "\"hashtags\": [\"" + "limit".repeat(60) + "\"]}", RejectionKind.LIMIT),
                Map.entry("{\"deleted\": true, \"platform\": \"twitter\"}", RejectionKind.FIELD));
        expected.forEach((record, kind) -> {
            ParsedRecord parsed = parser.read(record.getBytes(StandardCharsets.UTF_8), "t", 0, 0, System.currentTimeMillis());
            assertThat(parsed.rejected).as(record).isNotNull();
            assertThat(RejectionKind.of(parsed.rejected.reason)).as(parsed.rejected.reason).isEqualTo(kind);
        });
    }

    @Test
    void aQuotedValueDoesNotMakeAFieldErrorALimit() {
        assertThat(RejectionKind.of("hashtags: 'the limit of 3 per post' contains a NUL character"))
                .isEqualTo(RejectionKind.FIELD);
        assertThat(RejectionKind.of("internal error while parsing: java.lang.IllegalStateException"))
                .isEqualTo(RejectionKind.INTERNAL);
        assertThat(RejectionKind.EVENT_TIME.label()).isEqualTo("event_time");
    }
}
