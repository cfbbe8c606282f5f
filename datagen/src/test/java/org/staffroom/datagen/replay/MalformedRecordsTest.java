package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MalformedRecordsTest {
    private static final List<String> BASES = List.of(
            SyntheticPosts.lines(1, 3, 0).get(0),
            "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:00:00Z\",\"author\":{\"id\":\"9\"}}",
            "{\"id\":\"\u00e9\u00e8\ud83d\ude00\",\"createdAt\":\"2025-01-09T20:00:00Z\",\"author\":{\"id\":\"9\"},"
                    + "\"text\":\"\ud83d\ude00\ud83d\ude00 \u00fcber #UKEdChat\"}",
            "not json at all",
            "[1,2,3]",
            "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:00:00Z\",\"author\":{\"id\":\"9\"}} trailing",
            "");

    @Test
    void everyKindIsRejectedWhateverItWasMadeFrom() {
        SplittableRandom random = new SplittableRandom(11);
        for (MalformedRecords.Kind kind : MalformedRecords.Kind.values()) {
            for (String base : BASES) {
                for (int i = 0; i < 300; i++) {
                    byte[] bad = MalformedRecords.make(kind, base.getBytes(StandardCharsets.UTF_8), random);
                    String shown = new String(bad, StandardCharsets.ISO_8859_1);
                    assertThat(ContractCheck.rejection(bad)).as("%s from %s: %s", kind, base, shown).isNotNull();
                    checkKind(kind, bad, shown);
                }
            }
        }
    }

    /** Each kind is rejected for its own reason. */
    private static void checkKind(MalformedRecords.Kind kind, byte[] bad, String shown) {
        String reason = ContractCheck.rejection(bad);
        switch (kind) {
            case TRUNCATED -> assertThat(reason).as(shown).startsWith("not valid JSON");
            case NOT_AN_OBJECT -> assertThat(reason).as(shown).isEqualTo("not an object");
            case MISSING_FIELD -> assertThat(reason).as(shown).endsWith(": missing");
            case WRONG_TYPE -> assertThat(reason).as(shown).containsAnyOf("not a string", "not an object",
                    "not an integer", "not an array");
            case BAD_CREATED_AT -> assertThat(reason).as(shown).startsWith("createdAt:");
            case INVALID_UTF8 -> {
                assertThat(ContractCheck.validUtf8(bad)).as(shown).isFalse();
                assertThat(reason).as(shown).startsWith("not valid JSON");
            }
            case NUL_BYTES -> {
                boolean raw = false;
                for (byte b : bad) {
                    raw |= b == 0;
                }
                assertThat(raw || reason.endsWith("NUL")).as(shown).isTrue();
            }
        }
    }

    @Test
    void theMixCoversEveryVariant() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] base = BASES.get(0).getBytes(StandardCharsets.UTF_8);
        java.util.Set<String> reasons = new java.util.TreeSet<>();
        for (MalformedRecords.Kind kind : MalformedRecords.Kind.values()) {
            for (int i = 0; i < 200; i++) {
                reasons.add(ContractCheck.rejection(MalformedRecords.make(kind, base, random)));
            }
        }
        assertThat(reasons).contains("not an object", "id: missing", "createdAt: missing", "author.id: missing",
                "id: not a string", "createdAt: not a string", "author: not an object", "author.id: not a string",
                "author.followers: not an integer ≥ 0", "hashtags: not an array", "createdAt: empty",
                "createdAt: not an ISO-8601 instant", "id: NUL");
    }

    @Test
    void otherwiseTheRecordIsTheGoodPost() throws Exception {
        // a bad createdAt leaves every other field as it was: the job sees a plausible post
        ObjectMapper json = new ObjectMapper();
        byte[] base = BASES.get(0).getBytes(StandardCharsets.UTF_8);
        var made = json.readTree(MalformedRecords.make(MalformedRecords.Kind.BAD_CREATED_AT, base, new SplittableRandom(1)));
        var original = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(base);
        original.set("createdAt", made.get("createdAt"));
        assertThat(made).isEqualTo(original);
    }
}
