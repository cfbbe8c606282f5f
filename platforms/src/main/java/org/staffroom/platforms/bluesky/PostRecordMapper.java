package org.staffroom.platforms.bluesky;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.SourceNode;

/** Jetstream commits of {@code app.bsky.feed.post} and {@code app.bsky.feed.repost} records to contract events. */
final class PostRecordMapper {
    static final String PLATFORM = "bluesky";
    private static final String FACET = "app.bsky.richtext.facet#";
    private static final String POST_COLLECTION = "/app.bsky.feed.post/";

    private final KnownHandles handles;

    PostRecordMapper(KnownHandles handles) {
        this.handles = handles;
    }

    PostEvent post(SourceNode event) {
        SourceNode record = event.field("commit").field("record");
        PostEvent post = base(event);
        String text = record.field("text").anyText();
        post.text = text;
        List<String> hashtags = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        Utf8Text bytes = new Utf8Text(text);
        for (SourceNode facet : record.field("facets").elements()) {
            for (SourceNode feature : facet.field("features").elements()) {
                switch (feature.field("$type").text()) {
                    case FACET + "tag" -> hashtags.add(feature.field("tag").text());
                    case FACET + "mention" -> mentions.add(handles.of(feature.field("did").text())
                            .orElseGet(() -> withoutAt(bytes.slice(facet.field("index")))));
                    // the full link: the text may show it shortened
                    case FACET + "link" -> urls.add(feature.field("uri").text());
                    default -> { }
                }
            }
        }
        hashtags.addAll(record.field("tags").elements().stream().map(SourceNode::text).toList());
        SourceNode embed = record.field("embed");
        SourceNode external = embed.field("external").present() ? embed.field("external")
                : embed.field("media").field("external");
        if (external.present()) {
            urls.add(external.field("uri").text());
        }
        post.hashtags = List.copyOf(hashtags);
        post.mentions = List.copyOf(mentions);
        post.urls = List.copyOf(urls);
        post.replyTo = record.field("reply").field("parent").field("uri").optionalText().orElse(null);
        post.quoteOf = quoted(embed.field("record"));
        post.lang = record.field("langs").elements().stream().findFirst().map(SourceNode::text).orElse(null);
        return post;
    }

    /** A repost carries no entities of its own: {@link RepostJoin} gives it the hashtags of its post. */
    PostEvent repost(SourceNode event) {
        PostEvent repost = base(event);
        repost.retweetOf = event.field("commit").field("record").field("subject").field("uri").text();
        repost.hashtags = List.of();
        repost.mentions = List.of();
        repost.urls = List.of();
        return repost;
    }

    private PostEvent base(SourceNode event) {
        String did = event.field("did").text();
        SourceNode commit = event.field("commit");
        String id = "at://" + did + "/" + commit.field("collection").text() + "/" + commit.field("rkey").text();
        PostEvent post = PostEvent.of(id, createdAt(event), did);
        post.platform = PLATFORM;
        post.author.handle = handles.of(did).orElse(null);
        return post;
    }

    /**
     * The earlier of the client's {@code createdAt} and the moment the relay saw the commit: imports
     * are back-dated by years, and a client clock running ahead would put a post in the future.
     */
    private static String createdAt(SourceNode event) {
        SourceNode claimed = event.field("commit").field("record").field("createdAt");
        Instant seen = seenByRelay(event);
        return claimed.instant().isAfter(seen) ? seen.truncatedTo(ChronoUnit.MILLIS).toString() : claimed.utcInstant();
    }

    /** When the relay saw the event's commit ({@code time_us}). */
    static Instant seenByRelay(SourceNode event) {
        return Instant.EPOCH.plus(event.field("time_us").wholeNumber(), ChronoUnit.MICROS);
    }

    /** {@code embed.record.uri}, or {@code embed.record.record.uri} beside media, when it names a post. */
    private static String quoted(SourceNode embedded) {
        SourceNode uri = embedded.field("uri").present() ? embedded.field("uri") : embedded.field("record").field("uri");
        return uri.optionalText().filter(u -> u.contains(POST_COLLECTION)).orElse(null);
    }

    private static String withoutAt(String mention) {
        return mention.startsWith("@") ? mention.substring(1) : mention;
    }
}
