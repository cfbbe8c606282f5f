package org.staffroom.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.NativeRecords;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.TextEntities;
import org.staffroom.platforms.bluesky.BlueskyIds;
import org.staffroom.platforms.mastodon.MastodonAccounts;

/**
 * The import on a generated archive of each platform's native records (X pages gzipped, newest
 * first within each; Mastodon statuses; Jetstream events), formats detected line by line: every
 * generated post comes out once, under its platform's id, in event-time order, none rejected, and
 * every retweet and repost counts for its original's hashtags.
 */
class GeneratedArchiveImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().seed(5).start(LocalDate.of(2025, 1, 13))
            .weeks(1).community(1000).rate(30).build();

    @TempDir
    Path dir;

    @Test
    void aGeneratedArchiveOfEachPlatformComesOutAsItsPostsInEventTimeOrder() throws IOException {
        Path x = dir.resolve("tweets.jsonl.gz");
        Path mastodon = dir.resolve("statuses.jsonl");
        Path bluesky = dir.resolve("jetstream.jsonl");
        List<PostEvent> generated = new ArrayList<>();
        PostGenerator generator = new PostGenerator(CONFIG);
        try (NativeRecords tweets = new NativeRecords(SourceFormat.X_V2, new GZIPOutputStream(Files.newOutputStream(x)));
             NativeRecords statuses = new NativeRecords(SourceFormat.MASTODON, Files.newOutputStream(mastodon));
             NativeRecords skeets = new NativeRecords(SourceFormat.BLUESKY, Files.newOutputStream(bluesky))) {
            while (generator.advance()) {
                tweets.write(generator.current());
                statuses.write(generator.current());
                skeets.write(generator.current());
                generated.add(generator.current().toPostEventWithEntities());
            }
        }
        Map<String, PostEvent> byNativeId = new HashMap<>();
        Map<String, PostEvent> byId = new HashMap<>();
        Map<String, String> nativeIds = new HashMap<>();
        for (PostEvent post : generated) {
            String id = switch (post.platform) {
                case "mastodon" -> MastodonAccounts.statusUri(post);
                case "bluesky" -> BlueskyIds.uri(post);
                default -> post.id;
            };
            byNativeId.put(id, post);
            byId.put(post.id, post);
            nativeIds.put(post.id, id);
        }

        StringWriter out = new StringWriter();
        ImportOptions options = new ImportOptions(null, 2000, dir, 1000, ConverterOptions.defaults());
        ImportCounts counts = new ArchiveImport(options, new PrintStream(OutputStream.nullOutputStream()))
                .run(List.of(mastodon, x, bluesky), out);

        List<JsonNode> events = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            events.add(JSON.readTree(line));
        }
        assertThat(counts.unmappable).isZero();
        assertThat(events).noneMatch(e -> e.has("conversionError"));
        assertThat(events).extracting(e -> e.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(byNativeId.keySet());
        assertThat(events).extracting(e -> Instant.parse(e.get("createdAt").asText())).isSorted();
        int reposts = 0;
        for (JsonNode event : events) {
            PostEvent post = byNativeId.get(event.get("id").asText());
            assertThat(event.get("platform").asText()).isEqualTo(post.platform);
            if (post.retweetOf != null) {
                assertThat(event.get("retweetOf").asText()).isEqualTo(nativeIds.get(post.retweetOf));
                PostEvent original = byId.get(post.retweetOf);
                assertThat(JSON.convertValue(event.get("hashtags"), String[].class))
                        .containsExactlyElementsOf(original.hashtags.stream().map(TextEntities::withoutSign).toList());
                reposts += post.platform.equals("bluesky") ? 1 : 0;
            }
        }
        assertThat(reposts).as("Bluesky reposts joined to their posts").isPositive();
    }
}
