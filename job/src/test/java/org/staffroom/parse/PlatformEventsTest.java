package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.model.PostFlags.LINK;
import static org.staffroom.model.PostFlags.MENTION;
import static org.staffroom.model.PostFlags.QUESTION;
import static org.staffroom.model.PostFlags.QUOTE;
import static org.staffroom.model.PostFlags.REPLY;
import static org.staffroom.model.PostFlags.RETWEET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.staffroom.model.Post;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.Converters;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.bluesky.RepostJoin;

/**
 * The platforms' golden fixtures, converted, through the job's own parser: every event is accepted,
 * and since converters always list hashtags, mentions and urls, nothing is taken from the text
 * (the "RT @author:" of a retweet, the handle in a Mastodon mention, a link's {@code ?}).
 */
class PlatformEventsTest {
    private static final Path FIXTURES = Path.of("..", "platforms", "src", "test", "resources");
    private static final long NOW = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostParser parser = new PostParser(ParserSettings.defaults());

    @Test
    void xTweets() throws Exception {
        Map<String, Post> posts = parsed(SourceFormat.X_V2, "x/page.json", UnaryOperator.identity());

        assertThat(posts).hasSize(5);
        assertPost(posts.get("1600000000000000107"), MENTION, "ukedchat", "edresearch");
        assertPost(posts.get("1600000000000000106"), REPLY | MENTION, "ukedchat");
        assertPost(posts.get("1600000000000000105"), RETWEET | MENTION, "ukedchat", "edchat", "assessment");
        assertThat(posts.get("1600000000000000105").mentions).containsExactly("okafor_science");
        assertPost(posts.get("1600000000000000104"), QUOTE | LINK, "ukedchat");
        assertPost(posts.get("1600000000000000102"), QUESTION, "ukedchat");
    }

    @Test
    void mastodonStatuses() throws Exception {
        Map<String, Post> posts = parsed(SourceFormat.MASTODON, "mastodon/timeline-page.json", UnaryOperator.identity());

        assertThat(posts).hasSize(4);
        assertPost(posts.get("https://scholar.social/users/pdavies/statuses/113500000000009004"), QUOTE, "ukedchat");
        assertPost(posts.get("https://mastodon.education/users/okafor/statuses/113500000000000003/activity"),
                RETWEET | MENTION, "ukedchat", "retrievalpractice");
        assertPost(posts.get("https://teachers.ie/users/aoife/statuses/113499999999990001"),
                REPLY | MENTION, "ukedchat", "retrievalpractice");
        // its only ? is inside its link: no question
        Post slides = posts.get("https://mastodon.education/users/msreyes/statuses/113500000000000001");
        assertPost(slides, LINK | MENTION, "ukedchat");
        assertThat(slides.mentions).containsExactly("jlee@sciences.social", "okafor@mastodon.education");
        assertThat(slides.authorHandle).isEqualTo("msreyes@mastodon.education");
    }

    @Test
    void blueskyPostsAndJoinedReposts() throws Exception {
        RepostJoin join = new RepostJoin();
        Map<String, Post> posts = parsed(SourceFormat.BLUESKY, "bluesky/jetstream.jsonl", join::join);
        String reyes = "at://did:plc:reyesteachesukedchatabcd/app.bsky.feed.post/3lbfxq2ukss2a";

        assertThat(posts).hasSize(5);
        assertPost(posts.get(reyes), LINK | MENTION, "ukedchat", "edchat");
        Post reply = posts.get("at://did:plc:jleemathsteacherbskyabcd/app.bsky.feed.post/3lbfxs7r4lk2b");
        assertPost(reply, REPLY | LINK | MENTION, "ukedchat");
        assertThat(reply.createdAt).isEqualTo(Instant.parse("2024-11-21T20:03:10.250Z").toEpochMilli());
        assertPost(posts.get("at://did:plc:okaforsciencelabnotesxyz/app.bsky.feed.post/3lbfxtn6kfc2c"),
                QUOTE, "ukedchat", "mathschat");
        assertPost(posts.get("at://did:plc:daviesprimaryschoolqwxyz/app.bsky.feed.repost/3lbfxvb2ajs2d"),
                RETWEET, "ukedchat", "edchat");
        assertPost(posts.get("at://did:plc:daviesprimaryschoolqwxyz/app.bsky.feed.repost/3lbfxvx4mcs2e"), RETWEET);
    }

    private static void assertPost(Post post, int flags, String... hashtags) {
        assertThat(post.hashtags).as(post.id).containsExactly(hashtags);
        assertThat(post.flags).as(post.id).isEqualTo(flags);
    }

    /** Every event a fixture converts to, through {@code join}, parsed as the job reads a Kafka record. */
    private Map<String, Post> parsed(SourceFormat format, String fixture, UnaryOperator<PostEvent> join)
            throws Exception {
        RecordConverter converter = Converters.forFormat(format, ConverterOptions.defaults());
        List<JsonNode> records = new ArrayList<>();
        if (fixture.endsWith(".jsonl")) {
            for (String line : Files.readAllLines(FIXTURES.resolve(fixture))) {
                records.add(JSON.readTree(line));
            }
        } else {
            records.add(JSON.readTree(FIXTURES.resolve(fixture).toFile()));
        }
        Map<String, Post> posts = new HashMap<>();
        for (JsonNode record : records) {
            for (Conversion conversion : converter.convert(record)) {
                if (conversion instanceof Conversion.Converted converted) {
                    Post post = parser.parse(join.apply(converted.event()).toBytes(), NOW);
                    posts.put(post.id, post);
                }
            }
        }
        return posts;
    }
}
