package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostFieldScannerTest {
    private final PostFieldScanner scanner = new PostFieldScanner();
    private static final long T = Instant.parse("2025-01-09T20:01:00Z").toEpochMilli();

    private String id(String json) {
        byte[] key = scanner.scan(json.getBytes(StandardCharsets.UTF_8), true).id();
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private long time(String json) {
        return scanner.scan(json.getBytes(StandardCharsets.UTF_8), true).createdAtMillis();
    }

    @Test
    void readsTheTopLevelIdAndCreatedAt() {
        String json = "{\"id\": \"1875\", \"platform\": \"twitter\", \"createdAt\": \"2025-01-09T20:01:00Z\","
                + " \"author\": {\"id\": \"42\"}}";
        assertThat(id(json)).isEqualTo("1875");
        assertThat(time(json)).isEqualTo(T);
    }

    @Test
    void neverTakesANestedFieldOrOneInsideAString() {
        String json = "{\"author\":{\"id\":\"42\",\"createdAt\":\"1999-01-01T00:00:00Z\",\"x\":[{\"id\":\"9\"}]},"
                + "\"text\":\"quoting \\\"id\\\": \\\"7\\\", \\\"createdAt\\\":\\\"2000-01-01T00:00:00Z\\\" {[\","
                + "\"hashtags\":[\"a\",\"}\"],\"n\":-1.5e3,\"ok\":true,\"nothing\":null,"
                + "\"createdAt\":\"2025-01-09T20:01:00Z\",\"id\":\"1875\"}";
        assertThat(id(json)).isEqualTo("1875");
        assertThat(time(json)).isEqualTo(T);
    }

    @Test
    void resolvesEscapes() {
        assertThat(id("{\"id\":\"a\\\"b\\u00e9\\n\"}")).isEqualTo("a\"b\u00e9\n");
        assertThat(time("{\"createdAt\":\"2025-01-09T20:01:00\\u005a\"}")).isEqualTo(T);
        assertThat(id("{\"id\":\"bad \\q escape\"}")).isNull();
        assertThat(id("{\"id\":\"short \\u12\"}")).isNull();
    }

    @Test
    void whatCannotBeReadIsNullOrNone() {
        assertThat(id("{\"id\": 1875}")).isNull();
        assertThat(id("{\"id\": \"\"}")).isNull();
        assertThat(id("[{\"id\": \"1\"}]")).isNull();
        assertThat(id("\"id\"")).isNull();
        assertThat(id("")).isNull();
        assertThat(id("{")).isNull();
        assertThat(id("{\"id\" \"1\"}")).isNull();
        assertThat(time("{\"createdAt\": 1736452860000}")).isEqualTo(EventTimes.NONE);
        assertThat(time("{\"createdAt\": \"2025-13-01T00:00:00Z\"}")).isEqualTo(EventTimes.NONE);
        assertThat(time("{\"id\":\"1\"}")).isEqualTo(EventTimes.NONE);
    }

    @Test
    void aTruncatedLineKeepsWhatCameBeforeTheCut() {
        assertThat(id("{\"id\":\"1875\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"text\":\"cut he")).isEqualTo("1875");
        assertThat(time("{\"id\":\"1875\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"text\":\"cut he")).isEqualTo(T);
        assertThat(time("{\"id\":\"1875\",\"createdAt\":\"2025-01-0")).isEqualTo(EventTimes.NONE);
        assertThat(id("{\"author\":{\"id\":\"42\"")).isNull();
    }

    @Test
    void theFirstOccurrenceWins() {
        assertThat(id("{\"id\":\"1\",\"id\":\"2\"}")).isEqualTo("1");
    }

    @Test
    void invalidUtf8AroundTheFieldsDoesNotMatter() {
        byte[] line = "{\"text\":\"\u00ff\u00ff\",\"id\":\"1875\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(scanner.scan(line, false).id()).asString(StandardCharsets.UTF_8).isEqualTo("1875");
    }
}
