package org.staffroom.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;
import org.staffroom.model.RejectedPost;

/**
 * Turns one record value into a {@link Post} or a rejection, per contract §1. Never throws: a
 * record the job cannot read is a row in rejected_posts, not a failed job.
 */
public final class PostParser {
    /** Contract §1: larger records are rejected unread. */
    public static final int MAX_RECORD_BYTES = 1 << 20;
    /**
     * What one post may cost: every hashtag fans out to its own windows, every mention and link is
     * counted, the text is scanned. Real posts stay far below (a tweet holds 280 characters, a
     * Mastodon post 500 by default); a post beyond is rejected, never silently cut.
     */
    public static final int MAX_TEXT_CHARS = 25_000;
    public static final int MAX_HASHTAGS = 100;
    public static final int MAX_MENTIONS = 100;
    public static final int MAX_URLS = 50;

    private final ParserSettings settings;
    private final ObjectMapper mapper =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final TextEntities entities = new TextEntities();

    public PostParser(ParserSettings settings) {
        this.settings = settings;
    }

    /** Parses a record read from {@code topic/partition@offset} at {@code receivedAt}. */
    public ParsedRecord read(byte[] value, String topic, int partition, long offset, long receivedAt) {
        try {
            return ParsedRecord.accepted(parse(value, receivedAt));
        } catch (InvalidPostException e) {
            return ParsedRecord.rejected(reject(value, topic, partition, offset, receivedAt, e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of ours or of a library must not stop the stream; the row makes it visible
            return ParsedRecord.rejected(reject(value, topic, partition, offset, receivedAt,
                    "internal error while parsing: " + e));
        }
    }

    public Post parse(byte[] value, long receivedAt) throws InvalidPostException {
        if (value == null) {
            throw new InvalidPostException("record has no value (expected a JSON object)");
        }
        if (value.length > MAX_RECORD_BYTES) {
            throw new InvalidPostException(String.format(
                    "record is %,d bytes, larger than the limit of 1 MiB (%,d bytes)",
                    value.length, MAX_RECORD_BYTES));
        }
        JsonNode root = readJson(value);
        if (!root.isObject()) {
            throw new InvalidPostException("expected a JSON object, got " + describe(root));
        }

        Post post = new Post();
        post.id = requiredString(root, "id", "id");
        String platform = optionalString(root, "platform", "platform");
        post.platform = platform == null || platform.isEmpty() ? "unknown" : platform;
        post.createdAt = eventTime(requiredString(root, "createdAt", "createdAt"), receivedAt);
        post.receivedAt = receivedAt;

        JsonNode author = root.get("author");
        if (author == null || author.isNull()) {
            throw new InvalidPostException("author.id: required field is missing");
        }
        if (!author.isObject()) {
            throw new InvalidPostException("author: expected an object, got " + describe(author));
        }
        post.authorId = requiredString(author, "id", "author.id");
        String handle = optionalString(author, "handle", "author.handle");
        post.authorHandle = handle == null || handle.isEmpty() ? null : stripAt(handle);
        post.followers = followers(author.get("followers"));

        String text = optionalString(root, "text", "text");
        String body = text == null ? "" : text;
        if (body.length() > MAX_TEXT_CHARS) {
            throw new InvalidPostException(String.format("text: %,d characters, more than the limit of %,d",
                    body.length(), MAX_TEXT_CHARS));
        }
        List<String> hashtags = capped("hashtags", optionalStrings(root, "hashtags"), MAX_HASHTAGS);
        List<String> mentions = capped("mentions", optionalStrings(root, "mentions"), MAX_MENTIONS);
        List<String> urls = capped("urls", optionalStrings(root, "urls"), MAX_URLS);
        boolean question = body.indexOf('?') >= 0;
        TextEntities.Found found = hashtags == null || mentions == null || urls == null || question
                ? entities.find(body) : TextEntities.Found.NONE;
        post.hashtags = Normalization.distinctHashtags(
                hashtags != null ? hashtags : capped("hashtags in text", found.hashtags, MAX_HASHTAGS));
        post.mentions = Normalization.distinctMentions(
                mentions != null ? mentions : capped("mentions in text", found.mentions, MAX_MENTIONS));
        List<String> links = urls != null ? nonBlank(urls) : capped("urls in text", found.urls, MAX_URLS);
        checkNoNul("hashtags", post.hashtags);
        checkNoNul("mentions", post.mentions);

        boolean retweet = reference(root, "retweetOf");
        int flags = 0;
        flags |= retweet ? PostFlags.RETWEET : 0;
        flags |= reference(root, "replyTo") ? PostFlags.REPLY : 0;
        flags |= reference(root, "quoteOf") ? PostFlags.QUOTE : 0;
        flags |= links.isEmpty() ? 0 : PostFlags.LINK;
        flags |= post.mentions.length == 0 ? 0 : PostFlags.MENTION;
        if (!retweet && question && TextEntities.withoutUrls(body, found, links).indexOf('?') >= 0) {
            flags |= PostFlags.QUESTION;
        }
        post.flags = flags;
        return post;
    }

    private JsonNode readJson(byte[] value) throws InvalidPostException {
        try {
            JsonNode root = mapper.readTree(value);
            if (root == null || root.isMissingNode()) {
                throw new InvalidPostException("record is empty (expected a JSON object)");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidPostException("not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPostException("not valid JSON: " + e.getMessage());
        }
    }

    private long eventTime(String text, long receivedAt) throws InvalidPostException {
        long millis;
        try {
            millis = EventTimes.toEpochMilli(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidPostException("createdAt: '" + abbreviate(text)
                    + "' is not an ISO-8601 instant with Z or an offset (e.g. 2025-03-30T19:00:00Z)");
        }
        Instant t = Instant.ofEpochMilli(millis);
        if (millis < settings.minEventTimeMillis) {
            throw new InvalidPostException("createdAt: " + t + " is before "
                    + Instant.ofEpochMilli(settings.minEventTimeMillis) + ", the earliest accepted event time");
        }
        if (millis > receivedAt + settings.maxFutureMillis) {
            throw new InvalidPostException("createdAt: " + t + " is more than "
                    + settings.maxFutureText() + " after the record was read at " + Instant.ofEpochMilli(receivedAt)
                    + " (a clock error would move event time for everyone)");
        }
        return millis;
    }

    private static long followers(JsonNode node) throws InvalidPostException {
        if (node == null || node.isNull()) {
            return -1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new InvalidPostException("author.followers: expected an integer ≥ 0, got " + describe(node));
        }
        return node.asLong();
    }

    /** retweetOf, replyTo, quoteOf: a string id, null or absent; an empty string means none. */
    private static boolean reference(JsonNode root, String field) throws InvalidPostException {
        String id = optionalString(root, field, field);
        return id != null && !id.isEmpty();
    }

    private static String requiredString(JsonNode parent, String field, String path) throws InvalidPostException {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new InvalidPostException(path + ": required field is missing");
        }
        if (node.isNull()) {
            throw new InvalidPostException(path + ": required field is null");
        }
        String value = string(node, path);
        if (value.isEmpty()) {
            throw new InvalidPostException(path + ": must not be empty");
        }
        return value;
    }

    private static String optionalString(JsonNode parent, String field, String path) throws InvalidPostException {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : string(node, path);
    }

    private static String string(JsonNode node, String path) throws InvalidPostException {
        if (!node.isTextual()) {
            throw new InvalidPostException(path + ": expected a string, got " + describe(node));
        }
        String value = node.textValue();
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidPostException(path + ": contains a NUL character");
        }
        return value;
    }

    /** An array of strings, or null when the field is absent or null (then the text is used). */
    private static List<String> optionalStrings(JsonNode root, String field) throws InvalidPostException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidPostException(field + ": expected an array of strings, got " + describe(node));
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw new InvalidPostException(field + "[" + i + "]: expected a string, got " + describe(element));
            }
            out.add(element.textValue());
        }
        return out;
    }

    private static List<String> capped(String field, List<String> values, int max) throws InvalidPostException {
        if (values != null && values.size() > max) {
            throw new InvalidPostException(String.format("%s: %,d of them, more than the limit of %,d per post",
                    field, values.size(), max));
        }
        return values;
    }

    private static void checkNoNul(String field, String[] values) throws InvalidPostException {
        for (String v : values) {
            if (v.indexOf('\u0000') >= 0) {
                throw new InvalidPostException(field + ": '" + abbreviate(v.replace('\u0000', '\uFFFD'))
                        + "' contains a NUL character");
            }
        }
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (!v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static String stripAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    private static String describe(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        if (node.isValueNode()) {
            return type + " " + abbreviate(node.toString());
        }
        return type;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static RejectedPost reject(byte[] value, String topic, int partition, long offset, long receivedAt,
            String reason) {
        RejectedPost r = new RejectedPost();
        r.receivedAt = receivedAt;
        r.topic = topic;
        r.partition = partition;
        r.offset = offset;
        r.reason = reason;
        r.payload = PayloadPreview.of(value);
        r.payloadBytes = value == null ? 0 : value.length;
        return r;
    }
}
