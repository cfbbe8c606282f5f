package org.staffroom.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.PostFlags;
import org.staffroom.model.RejectedPost;

/**
 * Turns one record value into a {@link Post}, a {@link PostDeletion} or a rejection, per contract §1. Never throws: a
 * record the job cannot read is a row in rejected_posts, not a failed job. An instance is for one thread.
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
    /** Contract §1: every value that becomes part of a key, in characters (code points). */
    public static final int MAX_KEY_CHARS = 256;
    public static final int MAX_URL_CHARS = 4_096;

    private final ParserSettings settings;
    /**
     * Creates the parsers and, as their codec, reads the values a rejection describes: so it must not
     * fail on trailing tokens, which {@link #readJson} checks itself (see {@link PostFields#read}).
     * Its buffers come from a pool of its own ({@link OneThreadBufferPool}): a parser belongs to one
     * source thread.
     */
    private final ObjectMapper mapper = new ObjectMapper(
            JsonFactory.builder().recyclerPool(new OneThreadBufferPool()).build());
    private final TextEntities entities = new TextEntities();
    /** Null unless names are replaced by pseudonyms. */
    private final Pseudonyms pseudonyms;

    public PostParser(ParserSettings settings) {
        this.settings = settings;
        this.pseudonyms = settings.pseudonymKeyFile == null ? null : Pseudonyms.fromKeyFile(settings.pseudonymKeyFile);
    }

    /** Parses a record read from {@code topic/partition@offset} at {@code receivedAt}. */
    public ParsedRecord read(byte[] value, String topic, int partition, long offset, long receivedAt) {
        try {
            PostFields fields = fields(value);
            return isDeletion(fields) ? ParsedRecord.deleted(deletion(fields, receivedAt))
                    : ParsedRecord.accepted(post(fields, receivedAt));
        } catch (InvalidPostException e) {
            return ParsedRecord.rejected(reject(value, topic, partition, offset, receivedAt, e.getMessage()));
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e; // out of memory and the like: the JVM is at fault, not this record
            }
            // a bug of ours or of a library, even a stack overflow, must not stop the stream; the row shows it
            return ParsedRecord.rejected(reject(value, topic, partition, offset, receivedAt,
                    "internal error while parsing: " + e));
        }
    }

    /** Parses a record that must be a post: a deletion event is not one. */
    public Post parse(byte[] value, long receivedAt) throws InvalidPostException {
        PostFields fields = fields(value);
        if (isDeletion(fields)) {
            throw new InvalidPostException("a deletion event, not a post");
        }
        return post(fields, receivedAt);
    }

    /** The record's fields, once it is a readable JSON object that no converter gave up on. */
    private PostFields fields(byte[] value) throws InvalidPostException {
        if (value == null) {
            throw new InvalidPostException("record has no value (expected a JSON object)");
        }
        if (value.length > MAX_RECORD_BYTES) {
            throw new InvalidPostException(String.format(
                    "record is %,d bytes, larger than the limit of 1 MiB (%,d bytes)",
                    value.length, MAX_RECORD_BYTES));
        }
        PostFields fields = readJson(value);
        if (fields.conversionError != null) {
            // an import or a collector kept a platform record it could not map: its row says why
            throw new InvalidPostException("not converted from its platform's format: " + describeError(fields.conversionError));
        }
        return fields;
    }

    /**
     * Whether the record is a deletion event ({@code "deleted": true}); {@code false} or null leave it
     * a post. Checked before any rule of a post: a deletion has no author and must never count.
     */
    private static boolean isDeletion(PostFields fields) throws InvalidPostException {
        if (absent(fields.deleted)) {
            return false;
        }
        if (!(fields.deleted instanceof BooleanNode flag)) {
            throw new InvalidPostException("deleted: expected true or false, got " + describe(fields.deleted));
        }
        return flag.booleanValue();
    }

    /**
     * A deletion names its post as a post names itself, under the same limits; its createdAt, when
     * the platform reported the deletion, is optional but must be a plausible instant when given.
     */
    private PostDeletion deletion(PostFields fields, long receivedAt) throws InvalidPostException {
        PostDeletion deletion = new PostDeletion();
        try {
            deletion.id = limited("id", requiredString(fields.id, "id"), MAX_KEY_CHARS);
            deletion.platform = platform(fields);
            String reported = optionalString(fields.createdAt, "createdAt");
            deletion.deletedAt = reported == null || reported.isEmpty() ? null : eventTime(reported, receivedAt);
        } catch (InvalidPostException e) {
            throw new InvalidPostException("deletion event: " + e.getMessage());
        }
        deletion.receivedAt = receivedAt;
        if (pseudonyms != null) {
            // the deleted post's rows hold its pseudonym
            deletion.id = pseudonyms.of(deletion.platform, deletion.id);
        }
        return deletion;
    }

    private Post post(PostFields fields, long receivedAt) throws InvalidPostException {
        Post post = new Post();
        post.id = limited("id", requiredString(fields.id, "id"), MAX_KEY_CHARS);
        post.platform = platform(fields);
        post.createdAt = eventTime(requiredString(fields.createdAt, "createdAt"), receivedAt);
        post.receivedAt = receivedAt;

        if (absent(fields.author)) {
            throw new InvalidPostException("author.id: required field is missing");
        }
        if (!(fields.author instanceof PostFields.Author author)) {
            throw new InvalidPostException("author: expected an object, got " + describe(fields.author));
        }
        post.authorId = limited("author.id", requiredString(author.id, "author.id"), MAX_KEY_CHARS);
        String handle = optionalString(author.handle, "author.handle");
        post.authorHandle = handle == null || handle.isEmpty() ? null
                : limited("author.handle", stripAt(handle), MAX_KEY_CHARS);
        post.followers = followers(author.followers);

        String text = optionalString(fields.text, "text");
        String body = text == null ? "" : text;
        if (body.length() > MAX_TEXT_CHARS) {
            throw new InvalidPostException(String.format("text: %,d characters, more than the limit of %,d",
                    body.length(), MAX_TEXT_CHARS));
        }
        List<String> hashtags = capped("hashtags", optionalStrings(fields.hashtags, "hashtags"), MAX_HASHTAGS);
        List<String> mentions = capped("mentions", optionalStrings(fields.mentions, "mentions"), MAX_MENTIONS);
        List<String> urls = capped("urls", optionalStrings(fields.urls, "urls"), MAX_URLS);
        boolean question = body.indexOf('?') >= 0;
        TextEntities.Found found = hashtags == null || mentions == null || urls == null || question
                ? entities.find(body) : TextEntities.Found.NONE;
        List<String> rawHashtags = hashtags != null ? hashtags : capped("hashtags in text", found.hashtags, MAX_HASHTAGS);
        post.hashtags = Normalization.distinctHashtags(rawHashtags);
        checkKeys(hashtags != null ? "hashtags" : "hashtags in text", post.hashtags, rawHashtags, Normalization::hashtag);
        List<String> rawMentions = mentions != null ? mentions : capped("mentions in text", found.mentions, MAX_MENTIONS);
        post.mentions = Normalization.distinctMentions(rawMentions);
        checkKeys(mentions != null ? "mentions" : "mentions in text", post.mentions, rawMentions, Normalization::mention);
        List<String> links = urls != null ? nonBlank(urls) : capped("urls in text", found.urls, MAX_URLS);
        checkUrls(urls != null ? "urls" : "urls in text", urls != null ? urls : links);

        boolean retweet = reference(fields.retweetOf, "retweetOf");
        int flags = 0;
        flags |= retweet ? PostFlags.RETWEET : 0;
        flags |= reference(fields.replyTo, "replyTo") ? PostFlags.REPLY : 0;
        flags |= reference(fields.quoteOf, "quoteOf") ? PostFlags.QUOTE : 0;
        flags |= links.isEmpty() ? 0 : PostFlags.LINK;
        flags |= post.mentions.length == 0 ? 0 : PostFlags.MENTION;
        if (!retweet && question && TextEntities.withoutUrls(body, found, links).indexOf('?') >= 0) {
            flags |= PostFlags.QUESTION;
        }
        post.flags = flags;
        if (pseudonyms != null) {
            pseudonymise(post);
        }
        return post;
    }

    /** The contract's platform: {@code unknown} when absent or empty. */
    private static String platform(PostFields fields) throws InvalidPostException {
        String platform = optionalString(fields.platform, "platform");
        return platform == null || platform.isEmpty() ? "unknown" : limited("platform", platform, MAX_KEY_CHARS);
    }

    /**
     * Names replaced once the post is valid and its entities found, so that every count is the same
     * as without pseudonyms: the mapping is one-to-one on what the metrics key by.
     */
    private void pseudonymise(Post post) {
        post.id = pseudonyms.of(post.platform, post.id);
        post.authorId = pseudonyms.of(post.platform, post.authorId);
        post.authorHandle = null; // contributors are then named by their pseudonymous id
        for (int i = 0; i < post.mentions.length; i++) {
            post.mentions[i] = pseudonyms.ofMention(post.mentions[i]);
        }
    }

    /** Reads the whole record before any field is checked: invalid JSON anywhere is the reason. */
    private PostFields readJson(byte[] value) throws InvalidPostException {
        try (JsonParser p = mapper.createParser(value)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidPostException("record is empty (expected a JSON object)");
            }
            PostFields fields = first == JsonToken.START_OBJECT ? PostFields.read(p) : null;
            JsonNode notAnObject = fields == null ? p.readValueAsTree() : null;
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                // in the words of Jackson's FAIL_ON_TRAILING_TOKENS, which gave this reason before
                throw notValidJson(p.currentTokenLocation(), "Trailing token (of type " + trailing
                        + ") found after value (bound as `" + JsonNode.class.getName()
                        + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
            }
            if (notAnObject != null) {
                throw new InvalidPostException("expected a JSON object, got " + describe(notAnObject));
            }
            return fields;
        } catch (StreamConstraintsException e) {
            // Jackson's StreamReadConstraints: nesting, number, string and name lengths
            throw new InvalidPostException("record is beyond the JSON parser's limits" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw notValidJson(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPostException("not valid JSON: " + e.getMessage());
        }
    }

    private static InvalidPostException notValidJson(JsonLocation where, String message) {
        return new InvalidPostException("not valid JSON" + at(where) + ": " + message);
    }

    private static String at(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
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

    private static long followers(Object value) throws InvalidPostException {
        if (absent(value)) {
            return -1;
        }
        if (!(value instanceof Long count) || count < 0) {
            throw new InvalidPostException("author.followers: expected an integer ≥ 0, got " + describe(value));
        }
        return count;
    }

    /** retweetOf, replyTo, quoteOf: a string id, null or absent; an empty string means none. */
    private static boolean reference(Object value, String field) throws InvalidPostException {
        String id = optionalString(value, field);
        return id != null && !id.isEmpty();
    }

    private static String requiredString(Object value, String path) throws InvalidPostException {
        if (value == null) {
            throw new InvalidPostException(path + ": required field is missing");
        }
        if (value instanceof NullNode) {
            throw new InvalidPostException(path + ": required field is null");
        }
        String s = string(value, path);
        if (s.isEmpty()) {
            throw new InvalidPostException(path + ": must not be empty");
        }
        return s;
    }

    private static String optionalString(Object value, String path) throws InvalidPostException {
        return absent(value) ? null : string(value, path);
    }

    private static String string(Object value, String path) throws InvalidPostException {
        if (!(value instanceof String s)) {
            throw new InvalidPostException(path + ": expected a string, got " + describe(value));
        }
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidPostException(path + ": contains a NUL character");
        }
        return s;
    }

    /** An array of strings, or null when the field is absent or null (then the text is used). */
    private static List<String> optionalStrings(Object value, String field) throws InvalidPostException {
        if (absent(value)) {
            return null;
        }
        if (value instanceof PostFields.WrongElement wrong) {
            throw new InvalidPostException(
                    field + "[" + wrong.index() + "]: expected a string, got " + describe(wrong.value()));
        }
        if (!(value instanceof List<?> strings)) {
            throw new InvalidPostException(field + ": expected an array of strings, got " + describe(value));
        }
        @SuppressWarnings("unchecked") // PostFields keeps only arrays of strings as lists
        List<String> out = (List<String>) strings;
        return out;
    }

    /** Absent, or null in the record. */
    private static boolean absent(Object value) {
        return value == null || value instanceof NullNode;
    }

    private static List<String> capped(String field, List<String> values, int max) throws InvalidPostException {
        if (values != null && values.size() > max) {
            throw new InvalidPostException(String.format("%s: %,d of them, more than the limit of %,d per post",
                    field, values.size(), max));
        }
        return values;
    }

    /**
     * Normalised hashtags or mentions: no NUL, no lone surrogate, none longer than a key may be;
     * the reason names the element of {@code raw} (the record's array, or what the text held) that
     * gave the key.
     */
    private static void checkKeys(String field, String[] keys, List<String> raw, UnaryOperator<String> normalisation)
            throws InvalidPostException {
        for (String key : keys) {
            if (key.indexOf('\u0000') >= 0) {
                throw new InvalidPostException(field + ": '" + abbreviate(key.replace('\u0000', '\uFFFD'))
                        + "' contains a NUL character");
            }
            if (characters(key) > MAX_KEY_CHARS || loneSurrogate(key) >= 0) {
                int index = 0;
                while (!normalisation.apply(raw.get(index)).equals(key)) {
                    index++;
                }
                checkKey(field + "[" + index + "]", key, MAX_KEY_CHARS, " after normalisation");
            }
        }
    }

    /** Links are counted, not stored: only their length is bounded. */
    private static void checkUrls(String field, List<String> urls) throws InvalidPostException {
        for (int i = 0; i < urls.size(); i++) {
            checkLength(field + "[" + i + "]", urls.get(i), MAX_URL_CHARS, "");
        }
    }

    private static String limited(String field, String value, int max) throws InvalidPostException {
        checkKey(field, value, max, "");
        return value;
    }

    /**
     * At most {@code max} characters, and no half of a surrogate pair: PostgreSQL text is UTF-8,
     * which cannot hold one (a JSON escape can).
     */
    private static void checkKey(String field, String value, int max, String measured) throws InvalidPostException {
        int lone = loneSurrogate(value);
        if (lone >= 0) {
            throw new InvalidPostException(String.format("%s: contains a lone surrogate (U+%04X), which is not text",
                    field, (int) value.charAt(lone)));
        }
        checkLength(field, value, max, measured);
    }

    private static void checkLength(String field, String value, int max, String measured) throws InvalidPostException {
        int length = characters(value);
        if (length > max) {
            throw new InvalidPostException(String.format("%s: %,d characters%s, limit %,d", field, length, measured, max));
        }
    }

    /**
     * A reason may quote the record (a value cut at 80 characters, a field's text), so its NUL and
     * lone surrogates, which PostgreSQL text cannot hold, become U+FFFD as in the payload.
     */
    private static String storable(String reason) {
        String text = reason.replace('\u0000', '\uFFFD');
        for (int lone = loneSurrogate(text); lone >= 0; lone = loneSurrogate(text)) {
            text = text.substring(0, lone) + '\uFFFD' + text.substring(lone + 1);
        }
        return text;
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    private static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Characters as PostgreSQL counts them: code points, not UTF-16 units. */
    private static int characters(String s) {
        return s.codePointCount(0, s.length());
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

    /** A value of {@link PostFields} as its JSON tree node prints: the type, and a scalar as JSON. */
    private static String describe(Object value) {
        JsonNode node = value instanceof String s ? TextNode.valueOf(s)
                : value instanceof Long n ? LongNode.valueOf(n) : (JsonNode) value;
        String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        if (node.isValueNode()) {
            return type + " " + abbreviate(node.toString());
        }
        return type;
    }

    /** The converter's reason as it wrote it; anything but a string is described like a wrong field. */
    private static String describeError(Object value) {
        if (value instanceof String reason) {
            return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
        }
        return "conversionError is " + describe(value);
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
        r.reason = storable(reason);
        r.payload = PayloadPreview.of(value);
        r.payloadBytes = value == null ? 0 : value.length;
        return r;
    }
}
