package org.staffroom.datagen.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.staffroom.platforms.PostEvent;

/**
 * One generated post, as a reusable mutable record: the generator fills the same instance for
 * every post (no allocation per post), so a caller must copy what it keeps before the next
 * {@link PostGenerator#advance()}. The accessors build the contract's values; {@link JsonLines}
 * writes the fields directly.
 *
 * <p>Entities are recorded in the order they appear in {@code text}. Whether the producer also
 * sends them as arrays ({@code hashtags}, {@code mentions}, {@code urls}) is decided per post:
 * like an API client that forwards the platform's entities, or like one that only has the text.
 */
public final class GeneratedPost {
    /** Post ids look like the platforms' 64-bit snowflakes; they increase in event-time order. */
    public static final long ID_BASE = 1_880_000_000_000_000_000L;
    static final int MAX_TAGS = 8;
    static final int MAX_MENTIONS = 8;
    static final int MAX_URLS = 3;

    Community community;
    long id;
    long timeMillis;
    int author;
    long followers;
    byte platform;
    /** Whether the JSON carries the entity arrays or leaves extraction to the job. */
    boolean entities;
    /** Whether the {@code hashtags} array writes the {@code #} (both are allowed). */
    boolean arrayHash;

    final ByteText text = new ByteText(512);
    final Tag[] tags = new Tag[MAX_TAGS];
    final byte[] tagVariant = new byte[MAX_TAGS];
    final boolean[] tagFullWidthHash = new boolean[MAX_TAGS];
    int tagCount;
    final int[] mentions = new int[MAX_MENTIONS];
    int mentionCount;
    final ByteText[] urls = {new ByteText(128), new ByteText(128), new ByteText(128)};
    int urlCount;
    long retweetOf;
    long replyTo;
    long quoteOf;

    GeneratedPost() {}

    void begin(Community community, long id, long timeMillis, int author, long followers) {
        this.community = community;
        this.id = id;
        this.timeMillis = timeMillis;
        this.author = author;
        this.followers = followers;
        this.platform = community.platform[author];
        text.clear();
        tagCount = 0;
        mentionCount = 0;
        urlCount = 0;
        retweetOf = 0;
        replyTo = 0;
        quoteOf = 0;
        entities = false;
        arrayHash = false;
    }

    boolean hasTag(Tag t) {
        for (int i = 0; i < tagCount; i++) {
            if (tags[i] == t) {
                return true;
            }
        }
        return false;
    }

    boolean mentions(int member) {
        for (int i = 0; i < mentionCount; i++) {
            if (mentions[i] == member) {
                return true;
            }
        }
        return false;
    }

    /** Deep copy (for the recent posts that later posts retweet, reply to and quote). */
    void copyFrom(GeneratedPost o) {
        community = o.community;
        id = o.id;
        timeMillis = o.timeMillis;
        author = o.author;
        followers = o.followers;
        platform = o.platform;
        entities = o.entities;
        arrayHash = o.arrayHash;
        text.copyFrom(o.text);
        tagCount = o.tagCount;
        System.arraycopy(o.tags, 0, tags, 0, tagCount);
        System.arraycopy(o.tagVariant, 0, tagVariant, 0, tagCount);
        System.arraycopy(o.tagFullWidthHash, 0, tagFullWidthHash, 0, tagCount);
        mentionCount = o.mentionCount;
        System.arraycopy(o.mentions, 0, mentions, 0, mentionCount);
        urlCount = o.urlCount;
        for (int i = 0; i < urlCount; i++) {
            urls[i].copyFrom(o.urls[i]);
        }
        retweetOf = o.retweetOf;
        replyTo = o.replyTo;
        quoteOf = o.quoteOf;
    }

    // ---- the contract's fields

    public String id() {
        return Long.toString(id);
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String createdAt() {
        return Timestamps.format(timeMillis);
    }

    public String platform() {
        return Community.PLATFORMS[platform];
    }

    public String authorId() {
        return Long.toString(Community.AUTHOR_ID_BASE + author);
    }

    public String handle() {
        return new String(community.handle[author], java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Follower count, or null when unknown. */
    public Long followers() {
        return followers < 0 ? null : followers;
    }

    public String text() {
        return text.toString();
    }

    /** Hashtags as written in the text (a sign when {@link #arrayHash}), or null when only the text has them. */
    public List<String> hashtags() {
        return entities ? hashtagList() : null;
    }

    private List<String> hashtagList() {
        List<String> list = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            ByteText b = new ByteText(32);
            writtenTag(i, arrayHash, b);
            list.add(b.toString());
        }
        return list;
    }

    /** Mentioned handles (without {@code @}), or null when only the text has them. */
    public List<String> mentions() {
        return entities ? mentionList() : null;
    }

    private List<String> mentionList() {
        List<String> list = new ArrayList<>(mentionCount);
        for (int i = 0; i < mentionCount; i++) {
            list.add(new String(community.handle[mentions[i]], java.nio.charset.StandardCharsets.US_ASCII));
        }
        return list;
    }

    /** Links, or null when only the text has them. */
    public List<String> urls() {
        return entities ? urlList() : null;
    }

    private List<String> urlList() {
        List<String> list = new ArrayList<>(urlCount);
        for (int i = 0; i < urlCount; i++) {
            list.add(urls[i].toString());
        }
        return list;
    }

    public String retweetOf() {
        return retweetOf == 0 ? null : Long.toString(retweetOf);
    }

    public String replyTo() {
        return replyTo == 0 ? null : Long.toString(replyTo);
    }

    public String quoteOf() {
        return quoteOf == 0 ? null : Long.toString(quoteOf);
    }

    public String lang() {
        return "en";
    }

    /** The post as the model's event, for callers that want objects rather than lines. */
    public PostEvent toPostEvent() {
        return event(entities);
    }

    /**
     * The post with its entity arrays, whether or not its producer sends them: a platform's native
     * record always marks its hashtags, mentions and links up.
     */
    public PostEvent toPostEventWithEntities() {
        return event(true);
    }

    private PostEvent event(boolean withEntities) {
        PostEvent e = PostEvent.of(id(), createdAt(), authorId());
        e.platform = platform();
        e.author.handle = handle();
        e.author.followers = followers();
        e.text = text();
        e.hashtags = withEntities ? hashtagList() : null;
        e.mentions = withEntities ? mentionList() : null;
        e.urls = withEntities ? urlList() : null;
        e.retweetOf = retweetOf();
        e.replyTo = replyTo();
        e.quoteOf = quoteOf();
        e.lang = lang();
        return e;
    }

    /** Appends hashtag {@code i} as written: its sign (when {@code withSign}) and its spelling. */
    void writtenTag(int i, boolean withSign, ByteText out) {
        if (withSign) {
            out.append(tagFullWidthHash[i] ? Tag.FULL_WIDTH_HASH : Tag.HASH);
        }
        out.append(tags[i].written(tagVariant[i]));
    }

    @Override
    public String toString() {
        return toPostEvent().toJson();
    }

    /** For tests: the normalised hashtags (contract §2) this post counts for. */
    String[] normalisedTags() {
        String[] t = new String[tagCount];
        for (int i = 0; i < tagCount; i++) {
            t[i] = tags[i].normalised;
        }
        return Arrays.copyOf(t, tagCount);
    }
}
