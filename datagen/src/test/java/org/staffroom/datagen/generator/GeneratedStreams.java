package org.staffroom.datagen.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated streams for the tests, read back the way the job reads them: every line parsed as JSON,
 * the entity arrays when present, otherwise hashtags, mentions and links found in the text, and
 * hashtags normalised as contract §2 says. Streams are cached per configuration.
 */
final class GeneratedStreams {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<GeneratorConfig, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<GeneratorConfig, List<Post>> POSTS = new ConcurrentHashMap<>();

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/])[#\uFF03]([\\p{L}\\p{N}_]+)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@(\\w+)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private GeneratedStreams() {}

    /** One post as the job would see it. */
    record Post(JsonNode json, String id, String platform, Instant at, String authorId, String handle, Long followers,
                String text, List<String> tags, List<String> mentions, List<String> urls, String retweetOf,
                String replyTo, String quoteOf) {
        boolean isRetweet() {
            return retweetOf != null;
        }

        boolean hasTag(String normalised) {
            return tags.contains(normalised);
        }

        /** Contract §2: not a retweet, and a '?' in the text once links are removed. */
        boolean isQuestion() {
            if (isRetweet()) {
                return false;
            }
            String t = text;
            for (String u : urls) {
                t = t.replace(u, "");
            }
            return t.contains("?");
        }
    }

    static byte[] bytes(GeneratorConfig config) {
        return BYTES.computeIfAbsent(config, GeneratedStreams::generate);
    }

    static List<Post> posts(GeneratorConfig config) {
        return POSTS.computeIfAbsent(config, c -> parse(bytes(c)));
    }

    static byte[] generate(GeneratorConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PostGenerator generator = new PostGenerator(config);
        try (JsonLines lines = new JsonLines(out)) {
            while (generator.advance()) {
                lines.write(generator.current());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> lines(byte[] jsonl) {
        String all = new String(jsonl, StandardCharsets.UTF_8);
        if (!all.endsWith("\n")) {
            throw new AssertionError("the last line is not terminated");
        }
        return List.of(all.substring(0, all.length() - 1).split("\n", -1));
    }

    static List<Post> parse(byte[] jsonl) {
        List<Post> posts = new ArrayList<>();
        for (String line : lines(jsonl)) {
            posts.add(parse(line));
        }
        return posts;
    }

    static Post parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
        String text = n.path("text").asText("");
        JsonNode author = n.get("author");
        List<String> tags = new ArrayList<>();
        for (String raw : n.has("hashtags") ? strings(n.get("hashtags")) : find(HASHTAG, text)) {
            String h = normalise(raw);
            if (!h.isEmpty() && !tags.contains(h)) {
                tags.add(h);
            }
        }
        List<String> mentions = n.has("mentions") ? strings(n.get("mentions")) : find(MENTION, text);
        List<String> urls = n.has("urls") ? strings(n.get("urls")) : findAll(URL, text);
        return new Post(n, n.path("id").asText(null), n.path("platform").asText(null),
                Instant.parse(n.get("createdAt").asText()), author.path("id").asText(null),
                author.path("handle").asText(null), author.has("followers") ? author.get("followers").asLong() : null,
                text, tags, mentions, urls, textOrNull(n, "retweetOf"), textOrNull(n, "replyTo"), textOrNull(n, "quoteOf"));
    }

    /** Contract §2: NFKC, one leading '#' or '＃' stripped, lower case. */
    static String normalise(String raw) {
        String h = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        if (h.startsWith("#") || h.startsWith("\uFF03")) {
            h = h.substring(1);
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** Hashtags, mentions and links as found in the text (for checking that the arrays agree with it). */
    static List<String> textTags(String text) {
        List<String> tags = new ArrayList<>();
        for (String raw : find(HASHTAG, text)) {
            String h = normalise(raw);
            if (!tags.contains(h)) {
                tags.add(h);
            }
        }
        return tags;
    }

    static List<String> textMentions(String text) {
        return find(MENTION, text);
    }

    static List<String> textUrls(String text) {
        return findAll(URL, text);
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.asText()));
        return list;
    }

    private static List<String> find(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> findAll(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
