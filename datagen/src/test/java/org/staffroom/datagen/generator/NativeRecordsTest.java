package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.Converters;
import org.staffroom.platforms.NativeWriters;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.TextEntities;
import org.staffroom.platforms.bluesky.BlueskyIds;
import org.staffroom.platforms.bluesky.RepostJoin;
import org.staffroom.platforms.mastodon.MastodonAccounts;

/**
 * The property that makes native records worth generating: a seeded stream written as each
 * platform's records and read back by that platform's converter (and, for Bluesky, {@link RepostJoin}
 * in {@code createdAt} order) gives exactly the generated events of that platform, but for the
 * differences listed in {@code expected*} below, each intended: the platform's own identities, and
 * what its records cannot say. Everywhere: the converter always gives the entity arrays (the
 * generator sends them for 60% of posts), hashtags without their sign, and {@code createdAt} with
 * milliseconds (compared as instants).
 */
class NativeRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A week of a community of 2,000: about 900 Mastodon and 450 Bluesky posts among 10,000. */
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().seed(20).start(LocalDate.of(2025, 3, 24))
            .weeks(1).community(2000).build();

    @Test
    void xPagesReadBackAsTheGeneratedTweets() throws IOException {
        roundTrip(SourceFormat.X_V2, NativeRecordsTest::expectedTweet, NativeRecordsTest::tcoLinks);
    }

    @Test
    void mastodonStatusesReadBackAsTheGeneratedToots() throws IOException {
        roundTrip(SourceFormat.MASTODON, NativeRecordsTest::expectedStatus, (event, text) -> text);
    }

    @Test
    void jetstreamEventsReadBackAsTheGeneratedSkeets() throws IOException {
        roundTrip(SourceFormat.BLUESKY, NativeRecordsTest::expectedBlueskyPost, (event, text) -> text);
    }

    /**
     * X: ids and handles are X's own. A retweet reads as its original (text and entities: its own
     * text is cut and its "RT @author:" is no mention by the retweeter). Text shows links as t.co
     * links, and a quote ends with the t.co link of its permalink: compared with every link as
     * {@code <link>}.
     */
    private static PostEvent expectedTweet(PostEvent generated, Map<String, PostEvent> byId) {
        PostEvent source = generated.retweetOf == null ? generated : byId.get(generated.retweetOf);
        PostEvent expected = copy(generated);
        expected.text = source.text;
        for (String url : source.urls) {
            expected.text = expected.text.replace(url, "<link>");
        }
        if (source.quoteOf != null) {
            expected.text += " <link>";
        }
        expected.hashtags = bare(source.hashtags);
        expected.mentions = source.mentions;
        expected.urls = source.urls;
        return expected;
    }

    private static String tcoLinks(PostEvent converted, String text) {
        return text.replaceAll("https://t\\.co/[0-9A-Za-z]+", "<link>");
    }

    /**
     * Mastodon: ids are status uris (a boost's is its activity's), authors account uris, handles
     * {@code user@domain} ({@link MastodonAccounts}); a reply's {@code replyTo} stays the parent's
     * local status id, as {@code in_reply_to_id} gives it.
     */
    private static PostEvent expectedStatus(PostEvent generated, Map<String, PostEvent> byId) {
        PostEvent expected = copy(generated);
        expected.id = MastodonAccounts.statusUri(generated);
        expected.author.id = MastodonAccounts.accountUri(generated.author.handle);
        expected.author.handle = MastodonAccounts.handle(generated.author.handle);
        expected.hashtags = bare(generated.hashtags);
        expected.mentions = generated.mentions.stream().map(MastodonAccounts::handle).toList();
        expected.retweetOf = generated.retweetOf == null ? null : MastodonAccounts.statusUri(byId.get(generated.retweetOf));
        expected.quoteOf = generated.quoteOf == null ? null : MastodonAccounts.statusUri(byId.get(generated.quoteOf));
        return expected;
    }

    /**
     * Bluesky: ids are AT-URIs, authors DIDs ({@link BlueskyIds}), with no handle and no follower
     * count (records carry neither); mentions are read from the text (no handle is known for their
     * DIDs). A repost is a record with only its subject: no text, mentions, links or language, and
     * the hashtags of the post it reposts. A reply to a post on another platform (the generator's
     * chat answers to the host's questions on X) is no reply: only a Bluesky parent has an AT-URI.
     */
    private static PostEvent expectedBlueskyPost(PostEvent generated, Map<String, PostEvent> byId) {
        PostEvent expected = copy(generated);
        expected.id = BlueskyIds.uri(generated);
        expected.author = new PostEvent.Author(BlueskyIds.did(generated), null, null);
        expected.hashtags = bare(generated.hashtags);
        PostEvent parent = generated.replyTo == null ? null : byId.get(generated.replyTo);
        expected.replyTo = parent == null ? null : BlueskyIds.uri(parent);
        expected.quoteOf = generated.quoteOf == null ? null : BlueskyIds.uri(byId.get(generated.quoteOf));
        if (generated.retweetOf != null) {
            PostEvent original = byId.get(generated.retweetOf);
            expected.retweetOf = BlueskyIds.uri(original);
            expected.text = null;
            expected.hashtags = bare(original.hashtags);
            expected.mentions = List.of();
            expected.urls = List.of();
            expected.lang = null;
        }
        return expected;
    }

    private void roundTrip(SourceFormat format, BiFunction<PostEvent, Map<String, PostEvent>, PostEvent> expectation,
                           BiFunction<PostEvent, String, String> convertedText) throws IOException {
        String platform = NativeWriters.platform(format);
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        List<PostEvent> generated = new ArrayList<>();
        PostGenerator generator = new PostGenerator(CONFIG);
        try (NativeRecords sink = new NativeRecords(format, records)) {
            while (generator.advance()) {
                sink.write(generator.current());
                if (generator.current().platform().equals(platform)) {
                    generated.add(generator.current().toPostEventWithEntities());
                }
            }
        }
        Map<String, PostEvent> byId = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (PostEvent event : generated) {
            byId.put(event.id, event);
            expected.add(json(expectation.apply(event, byId)));
        }

        List<PostEvent> converted = convert(format, records.toString(StandardCharsets.UTF_8));
        RepostJoin join = new RepostJoin();
        List<String> actual = new ArrayList<>();
        for (PostEvent event : converted) {
            join.join(event);
            if (event.text != null) {
                event.text = convertedText.apply(event, event.text);
            }
            actual.add(json(event));
        }

        assertThat(generated).hasSizeGreaterThan(format == SourceFormat.X_V2 ? 5000 : 300);
        assertThat(generated).anyMatch(e -> e.retweetOf != null).anyMatch(e -> e.replyTo != null)
                .anyMatch(e -> e.quoteOf != null);
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(actual.get(i)).as("%s event #%d", format.formatName(), i).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
    }

    /** Every record converted, none rejected or skipped; in createdAt order, X's newest-first pages undone. */
    private static List<PostEvent> convert(SourceFormat format, String jsonl) throws IOException {
        RecordConverter converter = Converters.forFormat(format, ConverterOptions.defaults());
        List<PostEvent> events = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            for (Conversion conversion : converter.convert(JSON.readTree(line))) {
                assertThat(conversion).as(line).isInstanceOf(Conversion.Converted.class);
                events.add(((Conversion.Converted) conversion).event());
            }
        }
        // generated ids grow with time: on X they order the tweets of one second as generated
        Comparator<PostEvent> byTime = Comparator.comparing(e -> Instant.parse(e.createdAt));
        events.sort(format == SourceFormat.X_V2 ? byTime.thenComparing(e -> Long.parseLong(e.id)) : byTime);
        return events;
    }

    private static PostEvent copy(PostEvent event) {
        try {
            return JSON.treeToValue(JSON.valueToTree(event), PostEvent.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> bare(List<String> hashtags) {
        return hashtags.stream().map(TextEntities::withoutSign).toList();
    }

    /** The event's JSON with createdAt as an instant (the platforms write milliseconds). */
    private static String json(PostEvent event) {
        JsonNode node = JSON.valueToTree(event);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("createdAt",
                Instant.parse(event.createdAt).toString());
        return node.toString();
    }
}
