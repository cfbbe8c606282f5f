package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.generator.GeneratedStreams.Post;
import org.staffroom.platforms.PostEvent;

/** The stream as a whole: deterministic, well-formed, ordered, self-consistent. */
class PostGeneratorTest {
    private static final GeneratorConfig DEFAULTS = GeneratorConfig.defaults();
    private static final Pattern CREATED_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    @Test
    void theSameConfigurationGivesTheSameBytes() throws Exception {
        byte[] first = GeneratedStreams.generate(DEFAULTS);
        byte[] second = GeneratedStreams.generate(GeneratorConfig.builder().build());
        assertThat(first.length).isGreaterThan(1_000_000);
        assertThat(sha256(second)).isEqualTo(sha256(first));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedOrStartGivesAnotherStream() {
        byte[] base = GeneratedStreams.bytes(DEFAULTS);
        byte[] otherSeed = GeneratedStreams.generate(DEFAULTS.toBuilder().seed(43).build());
        byte[] otherStart = GeneratedStreams.generate(DEFAULTS.toBuilder().start(LocalDate.of(2025, 2, 3)).build());
        assertThat(otherSeed).isNotEqualTo(base);
        assertThat(GeneratedStreams.lines(otherSeed).get(0)).isNotEqualTo(GeneratedStreams.lines(base).get(0));
        assertThat(otherStart).isNotEqualTo(base);
    }

    @Test
    void everyLineIsAPostWithTheRequiredFields() {
        List<String> lines = GeneratedStreams.lines(GeneratedStreams.bytes(DEFAULTS));
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            Post p = GeneratedStreams.parse(line);
            assertThat(p.json().isObject()).isTrue();
            assertThat(p.id()).isNotBlank();
            assertThat(ids.add(p.id())).as("unique id %s", p.id()).isTrue();
            assertThat(p.json().get("createdAt").asText()).matches(CREATED_AT);
            assertThat(p.authorId()).isNotBlank();
            assertThat(p.handle()).matches("[A-Za-z0-9_]{1,15}");
            assertThat(p.platform()).isIn("twitter", "mastodon", "bluesky");
            assertThat(p.json().get("lang").asText()).isEqualTo("en");
            assertThat(p.text()).isNotBlank();
        }
        assertThat(ids).hasSize(lines.size());
    }

    @Test
    void postsAreInEventTimeOrderWithinTheConfiguredWeeks() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        Instant start = Instant.parse("2025-01-06T00:00:00Z");
        Instant end = Instant.parse("2025-02-03T00:00:00Z");
        Instant previous = start;
        long previousId = Long.MIN_VALUE;
        for (Post p : posts) {
            assertThat(p.at()).isAfterOrEqualTo(previous).isBefore(end);
            long id = Long.parseLong(p.id());
            assertThat(id).isGreaterThan(previousId); // ids increase with time, like snowflakes
            previous = p.at();
            previousId = id;
        }
    }

    @Test
    void retweetsRepliesAndQuotesReferToEarlierPosts() {
        Set<String> seen = new HashSet<>();
        int references = 0;
        for (Post p : GeneratedStreams.posts(DEFAULTS)) {
            for (String ref : new String[] {p.retweetOf(), p.replyTo(), p.quoteOf()}) {
                if (ref != null) {
                    assertThat(seen.contains(ref)).as("%s refers to the earlier %s", p.id(), ref).isTrue();
                    references++;
                }
            }
            assertThat(p.retweetOf() != null && (p.replyTo() != null || p.quoteOf() != null)).isFalse();
            seen.add(p.id());
        }
        assertThat(references).isGreaterThan(10_000);
    }

    @Test
    void theEntityArraysAgreeWithTheText() {
        int withArrays = 0;
        for (Post p : GeneratedStreams.posts(DEFAULTS)) {
            if (p.json().has("hashtags")) {
                withArrays++;
                assertThat(p.tags()).as(p.text()).isEqualTo(GeneratedStreams.textTags(p.text()));
                assertThat(p.mentions()).as(p.text()).isEqualTo(GeneratedStreams.textMentions(p.text()));
                assertThat(p.urls()).as(p.text()).isEqualTo(GeneratedStreams.textUrls(p.text()));
            }
        }
        assertThat(withArrays).isPositive();
    }

    @Test
    void linesAreExactlyWhatPostEventWrites() {
        List<String> lines = GeneratedStreams.lines(GeneratedStreams.bytes(DEFAULTS));
        Iterator<PostEvent> events = new PostGenerator(DEFAULTS).events();
        int i = 0;
        while (events.hasNext()) {
            assertThat(events.next().toJson()).isEqualTo(lines.get(i++));
        }
        assertThat(i).isEqualTo(lines.size());
    }

    @Test
    void aPostEventRoundTripsThroughJackson() throws Exception {
        PostGenerator generator = new PostGenerator(DEFAULTS);
        List<String> checked = new ArrayList<>();
        while (generator.advance() && checked.size() < 2000) {
            GeneratedPost p = generator.current();
            byte[] value = JsonLines.toBytes(p);
            PostEvent back = GeneratedStreams.JSON.readValue(value, PostEvent.class);
            assertThat(back.toBytes()).isEqualTo(value);
            assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo(p.toString());
            checked.add(back.id);
        }
        assertThat(checked).hasSize(2000);
    }

    @Test
    void theGeneratorStopsAtTheEndAndCountsItsPosts() {
        GeneratorConfig oneWeek = DEFAULTS.toBuilder().weeks(1).community(200).rate(10).build();
        PostGenerator generator = new PostGenerator(oneWeek);
        long n = 0;
        while (generator.advance()) {
            n++;
        }
        assertThat(generator.advance()).isFalse();
        assertThat(generator.generated()).isEqualTo(n).isGreaterThan(1000);
        assertThat(GeneratedStreams.lines(GeneratedStreams.bytes(oneWeek))).hasSize((int) n);
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
