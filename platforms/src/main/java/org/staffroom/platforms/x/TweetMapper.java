package org.staffroom.platforms.x;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.SourceNode;

/**
 * One X API v2 tweet object to one contract event, as {@code sources.md} maps it. A retweet takes
 * text, hashtags, mentions and urls from its original: its own text is cut at 140 characters, and
 * its "RT @author:" is no mention by the retweeter. A long tweet's text and entities are those of
 * {@code note_tweet}: the top-level ones cover only the truncated text and its link to itself.
 * References keep the ids the API gives.
 */
final class TweetMapper {
    static final String PLATFORM = "twitter";

    private TweetMapper() {}

    static PostEvent map(SourceNode tweet, Expansions expansions) {
        PostEvent event = PostEvent.of(firstVersionId(tweet), tweet.field("created_at").utcInstant(),
                tweet.field("author_id").text());
        event.platform = PLATFORM;
        Optional<SourceNode> author = expansions.author(tweet);
        author.ifPresent(user -> {
            event.author.handle = user.field("username").optionalText().orElse(null);
            event.author.followers = user.field("public_metrics").field("followers_count").optionalLong().orElse(null);
        });

        SourceNode content = tweet;
        for (SourceNode reference : tweet.field("referenced_tweets").elements()) {
            String id = reference.field("id").text();
            switch (reference.field("type").text()) {
                case "retweeted" -> {
                    event.retweetOf = id;
                    // a retweet's own text is cut at 140 characters and loses the original's hashtags
                    content = expansions.referenced(reference);
                }
                case "replied_to" -> event.replyTo = id;
                case "quoted" -> event.quoteOf = id;
                default -> { }
            }
        }

        // a long tweet's text and entities are whole only in note_tweet
        SourceNode note = content.field("note_tweet");
        SourceNode text = note.present() ? note.field("text") : content.field("text");
        SourceNode entities = note.present() && note.field("entities").present()
                ? note.field("entities") : content.field("entities");
        event.text = text.anyText();
        event.hashtags = entities.field("hashtags").texts("tag");
        event.mentions = entities.field("mentions").texts("username");
        event.urls = TweetUrls.of(entities.field("urls"), quotedIds(content));
        event.lang = tweet.field("lang").optionalText().orElse(null);
        return event;
    }

    /** An edited tweet's versions share the id of the first: an edit chain counts once. */
    private static String firstVersionId(SourceNode tweet) {
        List<SourceNode> versions = tweet.field("edit_history_tweet_ids").elements();
        return versions.isEmpty() ? tweet.field("id").text() : versions.get(0).text();
    }

    private static Set<String> quotedIds(SourceNode tweet) {
        Set<String> ids = new HashSet<>();
        for (SourceNode reference : tweet.field("referenced_tweets").elements()) {
            if (reference.field("type").text().equals("quoted")) {
                ids.add(reference.field("id").text());
            }
        }
        return ids;
    }
}
