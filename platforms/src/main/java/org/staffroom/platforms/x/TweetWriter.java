package org.staffroom.platforms.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.staffroom.platforms.JsonLineOutput;
import org.staffroom.platforms.NativeTime;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.TextEntities;

/**
 * One contract event as an X API v2 tweet object. Its text shows links as t.co links, a quote
 * ends with the t.co link of the quoted tweet's permalink (listed among its urls, as every quote's
 * is), and a retweet's own text is {@code RT @author: } and its original's text cut at 140
 * characters, with only the entities that survive the cut. Entity offsets count code points.
 */
final class TweetWriter {
    static final int RETWEET_CUT = 140;

    private TweetWriter() {}

    /**
     * {@code written}: the posts written before by id (null for one never seen); a retweet needs its
     * original. A quote of a tweet never seen links its permalink as {@code twitter.com/i/status/{id}}.
     */
    static ObjectNode tweet(PostEvent post, Function<String, PostEvent> written) {
        ObjectNode tweet = JsonLineOutput.object();
        tweet.put("id", post.id);
        tweet.putArray("edit_history_tweet_ids").add(post.id);
        tweet.put("author_id", post.author.id);
        tweet.put("conversation_id", post.replyTo != null ? post.replyTo : post.id);
        tweet.put("created_at", NativeTime.withMillis(post));
        if (post.lang != null) {
            tweet.put("lang", post.lang);
        }
        Shown shown = post.retweetOf != null ? retweetText(written.apply(post.retweetOf), written) : shown(post, written);
        tweet.put("text", shown.text.toString());
        if (!shown.entities.isEmpty()) {
            tweet.set("entities", shown.entities);
        }
        ArrayNode references = JsonLineOutput.JSON.createArrayNode();
        reference(references, "retweeted", post.retweetOf);
        reference(references, "replied_to", post.replyTo);
        reference(references, "quoted", post.quoteOf);
        if (!references.isEmpty()) {
            tweet.set("referenced_tweets", references);
        }
        return tweet;
    }

    /** The text as X shows it, with its entities: links as t.co links, a quote's permalink at the end. */
    private static Shown shown(PostEvent post, Function<String, PostEvent> written) {
        Shown shown = new Shown();
        String text = post.text == null ? "" : post.text;
        int copied = 0;
        for (TextEntities.Span span : TextEntities.of(post)) {
            shown.text.append(text, copied, span.start());
            copied = span.end();
            if (span.kind() == TextEntities.Kind.URL) {
                shown.link(span.value());
            } else {
                shown.entity(span.kind(), span.sign(), span.value());
            }
        }
        shown.text.append(text, copied, text.length());
        if (post.quoteOf != null) {
            PostEvent quoted = written.apply(post.quoteOf);
            String user = quoted == null || quoted.author.handle == null ? "i" : quoted.author.handle;
            shown.text.append(' ');
            shown.link("https://twitter.com/" + user + "/status/" + post.quoteOf);
        }
        return shown;
    }

    /** {@code RT @author: } and the original's text, cut at 140 characters; entities cut off are gone. */
    private static Shown retweetText(PostEvent original, Function<String, PostEvent> written) {
        Shown whole = shown(original, written);
        Shown rt = new Shown();
        rt.text.append("RT ");
        rt.entity(TextEntities.Kind.MENTION, "@", original.author.handle);
        rt.text.append(": ");
        int prefix = rt.text.codePointCount(0, rt.text.length());
        String text = whole.text.toString();
        boolean cut = text.codePointCount(0, text.length()) > RETWEET_CUT;
        rt.text.append(cut ? text.substring(0, text.offsetByCodePoints(0, RETWEET_CUT)) + "\u2026" : text);
        for (String type : List.of("mentions", "hashtags", "urls")) {
            for (JsonNode entity : whole.entities.path(type)) {
                if (!cut || entity.get("end").asInt() <= RETWEET_CUT) {
                    ObjectNode moved = ((ObjectNode) entity).deepCopy();
                    moved.put("start", entity.get("start").asInt() + prefix);
                    moved.put("end", entity.get("end").asInt() + prefix);
                    rt.entities.withArrayProperty(type).add(moved);
                }
            }
        }
        return rt;
    }

    private static void reference(ArrayNode references, String type, String id) {
        if (id != null) {
            references.addObject().put("type", type).put("id", id);
        }
    }

    /** A text being written, and its entities with their code point offsets in it. */
    private static final class Shown {
        final StringBuilder text = new StringBuilder();
        final ObjectNode entities = JsonLineOutput.object();

        void entity(TextEntities.Kind kind, String sign, String value) {
            int start = text.codePointCount(0, text.length());
            text.append(sign).append(value);
            ObjectNode entity = entities.withArrayProperty(kind == TextEntities.Kind.HASHTAG ? "hashtags" : "mentions")
                    .addObject().put("start", start).put("end", start + sign.codePointCount(0, sign.length())
                            + value.codePointCount(0, value.length()));
            entity.put(kind == TextEntities.Kind.HASHTAG ? "tag" : "username", value);
        }

        void link(String url) {
            String tco = ShortLinks.tco(url);
            int start = text.codePointCount(0, text.length());
            text.append(tco);
            entities.withArrayProperty("urls").addObject().put("start", start).put("end", start + tco.length())
                    .put("url", tco).put("expanded_url", url).put("display_url", ShortLinks.display(url));
        }
    }
}
