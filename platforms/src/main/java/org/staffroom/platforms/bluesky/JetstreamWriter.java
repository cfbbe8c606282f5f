package org.staffroom.platforms.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.staffroom.platforms.JsonLineOutput;
import org.staffroom.platforms.NativeTime;
import org.staffroom.platforms.NativeWriter;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.TextEntities;

/**
 * Contract events of {@code bluesky} as Jetstream commit events, one per line in the order written
 * (Jetstream's own: it is a live stream). A post is an {@code app.bsky.feed.post} record with its
 * hashtags, mentions and links as facets whose offsets count UTF-8 bytes (mentions by DID), its
 * reply's parent (also given as the root: a stand-in) and its quote as an {@code app.bsky.embed.record};
 * a reply to a post this writer never saw (one on another platform) is written without its reply,
 * since only the parent's own record gives its AT-URI;
 * a repost is an {@code app.bsky.feed.repost} record with only its subject, no text. Identities
 * are {@link BlueskyIds}; {@code time_us} is a little after {@code createdAt}, as the relay sees a
 * commit after the client makes it. Records carry no handles and no follower counts.
 */
public final class JetstreamWriter implements NativeWriter {
    private static final String FACET = "app.bsky.richtext.facet";
    /** The relay sees a commit 50 to 950 ms after the client's createdAt. */
    private static final long MIN_RELAY_DELAY_MICROS = 50_000;
    private static final long RELAY_DELAY_SPREAD_MICROS = 900_000;

    private final JsonLineOutput out;

    public JetstreamWriter(Writer out, int remembered) {
        this.out = new JsonLineOutput(out, PostRecordMapper.PLATFORM, remembered);
    }

    @Override
    public void write(PostEvent post) throws IOException {
        out.accept(post);
        ObjectNode record = post.retweetOf == null ? post(post) : repost(post);
        long timeUs = BlueskyIds.micros(NativeTime.of(post)) + MIN_RELAY_DELAY_MICROS
                + Math.floorMod(post.id.hashCode(), RELAY_DELAY_SPREAD_MICROS);
        String uri = BlueskyIds.uri(post);
        ObjectNode event = JsonLineOutput.object();
        event.put("did", BlueskyIds.did(post));
        event.put("time_us", timeUs);
        event.put("kind", "commit");
        event.putObject("commit")
                .put("rev", BlueskyIds.tid(timeUs, 0))
                .put("operation", "create")
                .put("collection", BlueskyIds.collection(post))
                .put("rkey", BlueskyIds.rkey(post))
                .<ObjectNode>set("record", record)
                .put("cid", BlueskyIds.cid(uri));
        out.line(event);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private ObjectNode post(PostEvent post) {
        String text = post.text == null ? "" : post.text;
        ObjectNode record = JsonLineOutput.object();
        record.put("$type", BlueskyIds.POST);
        record.put("createdAt", NativeTime.withMillis(post));
        if (post.lang != null) {
            record.putArray("langs").add(post.lang);
        }
        record.put("text", text);
        ArrayNode facets = JsonLineOutput.JSON.createArrayNode();
        for (TextEntities.Span span : TextEntities.of(post)) {
            ObjectNode facet = facets.addObject().put("$type", FACET);
            facet.putObject("index")
                    .put("byteStart", TextEntities.utf8Bytes(text, span.start()))
                    .put("byteEnd", TextEntities.utf8Bytes(text, span.end()));
            ObjectNode feature = facet.putArray("features").addObject();
            switch (span.kind()) {
                case HASHTAG -> feature.put("$type", FACET + "#tag").put("tag", span.value());
                case MENTION -> feature.put("$type", FACET + "#mention").put("did", BlueskyIds.did(span.value()));
                case URL -> feature.put("$type", FACET + "#link").put("uri", span.value());
            }
        }
        if (!facets.isEmpty()) {
            record.set("facets", facets);
        }
        PostEvent replied = out.remembered(post.replyTo);
        if (replied != null) {
            ObjectNode parent = strongRef(replied);
            ObjectNode reply = record.putObject("reply");
            reply.set("root", parent.deepCopy());
            reply.set("parent", parent);
        }
        if (post.quoteOf != null) {
            record.putObject("embed").put("$type", "app.bsky.embed.record")
                    .set("record", strongRef(out.referenced(post, post.quoteOf, "quote")));
        }
        return record;
    }

    private ObjectNode repost(PostEvent post) {
        ObjectNode record = JsonLineOutput.object();
        record.put("$type", BlueskyIds.REPOST);
        record.put("createdAt", NativeTime.withMillis(post));
        record.set("subject", strongRef(out.referenced(post, post.retweetOf, "repost")));
        return record;
    }

    private static ObjectNode strongRef(PostEvent post) {
        String uri = BlueskyIds.uri(post);
        return JsonLineOutput.object().put("cid", BlueskyIds.cid(uri)).put("uri", uri);
    }
}
