package org.staffroom.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.bluesky.BlueskyIds;
import org.staffroom.platforms.bluesky.JetstreamWriter;
import org.staffroom.platforms.mastodon.StatusWriter;
import org.staffroom.platforms.x.XPageWriter;

/** Each platform's native writer on a few hand-made posts: the records' traps, computed by hand. */
class NativeWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 150 characters: a retweet keeps "RT @alice: " and the first 140 of them. */
    private static final String LONG = "#ukedchat feedback that moves learning: what works in your room? Bring "
            + "examples, bring questions, bring the students' own words too please #assessment";

    private static List<JsonNode> lines(StringWriter out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void anXRetweetShowsItsOriginalCutAt140WithTheEntitiesThatSurviveAndTheOriginalWholeInIncludes() throws IOException {
        assertThat(LONG).hasSize(150);
        StringWriter out = new StringWriter();
        try (XPageWriter x = new XPageWriter(out, 100, 10)) {
            x.write(PostEvent.of("100", "2025-01-09T20:01:00Z", "1").platform("twitter").handle("alice").followers(50)
                    .text(LONG).hashtags("#ukedchat", "assessment").mentions().urls().lang("en"));
            x.write(PostEvent.of("101", "2025-01-09T20:02:00Z", "2").platform("twitter").handle("bob").followers(7)
                    .text("RT @alice: " + LONG).hashtags("ukedchat", "assessment").mentions("alice").urls()
                    .retweetOf("100").lang("en"));
        }
        List<JsonNode> pages = lines(out);
        assertThat(pages).hasSize(1);
        JsonNode page = pages.get(0);
        assertThat(page.get("meta").toString()).isEqualTo(
                "{\"newest_id\":\"101\",\"oldest_id\":\"100\",\"result_count\":2}");
        JsonNode retweet = page.get("data").get(0); // newest first
        assertThat(retweet.get("text").asText()).isEqualTo("RT @alice: " + LONG.substring(0, 140) + "\u2026");
        assertThat(retweet.get("entities").toString()).isEqualTo("{\"mentions\":[{\"start\":3,\"end\":9,"
                + "\"username\":\"alice\"}],\"hashtags\":[{\"start\":11,\"end\":20,\"tag\":\"ukedchat\"}]}");
        assertThat(retweet.get("referenced_tweets").toString()).isEqualTo("[{\"type\":\"retweeted\",\"id\":\"100\"}]");
        assertThat(page.at("/includes/tweets/0/entities/hashtags/1").toString())
                .isEqualTo("{\"start\":139,\"end\":150,\"tag\":\"assessment\"}");
        assertThat(page.at("/includes/users").toString()).isEqualTo("[{\"id\":\"1\",\"name\":\"alice\",\"username\":\"alice\","
                + "\"public_metrics\":{\"followers_count\":50}},{\"id\":\"2\",\"name\":\"bob\",\"username\":\"bob\","
                + "\"public_metrics\":{\"followers_count\":7}}]");
    }

    @Test
    void anXQuoteListsTheQuotedPermalinkAmongItsLinksAndTextLinksAreTco() throws IOException {
        StringWriter out = new StringWriter();
        try (XPageWriter x = new XPageWriter(out, 1, 10)) {
            x.write(PostEvent.of("100", "2025-01-09T20:01:00Z", "1").platform("twitter").handle("alice")
                    .text("Read https://eef.org.uk/x?y=1").hashtags().mentions().urls("https://eef.org.uk/x?y=1"));
            x.write(PostEvent.of("101", "2025-01-09T20:02:00Z", "2").platform("twitter").handle("bob")
                    .text("Yes").hashtags().mentions().urls().quoteOf("100"));
        }
        List<JsonNode> pages = lines(out);
        assertThat(pages).hasSize(2); // one tweet a page
        assertThat(pages.get(0).at("/data/0/text").asText()).matches("Read https://t\\.co/[0-9A-Za-z]{10}");
        assertThat(pages.get(0).at("/data/0/entities/urls/0/expanded_url").asText()).isEqualTo("https://eef.org.uk/x?y=1");
        assertThat(pages.get(1).at("/data/0/text").asText()).matches("Yes https://t\\.co/[0-9A-Za-z]{10}");
        assertThat(pages.get(1).at("/data/0/entities/urls/0/expanded_url").asText())
                .isEqualTo("https://twitter.com/alice/status/100");
        assertThat(pages.get(1).at("/includes/tweets/0/id").asText()).isEqualTo("100");
        assertThat(pages.get(0).has("includes") && !pages.get(0).at("/includes").has("tweets")).isTrue();
    }

    @Test
    void anXPageEndsBeforeATweetWhoseAuthorWouldNeedAnotherFollowerCount() throws IOException {
        StringWriter out = new StringWriter();
        try (XPageWriter x = new XPageWriter(out, 100, 10)) {
            for (long[] post : new long[][] {{100, 5}, {101, 5}, {102, 6}}) {
                x.write(PostEvent.of(Long.toString(post[0]), "2025-01-09T20:01:00Z", "1").platform("twitter")
                        .handle("alice").followers(post[1]).text("Hi"));
            }
        }
        List<JsonNode> pages = lines(out);
        assertThat(pages).extracting(page -> page.at("/meta/result_count").asInt()).containsExactly(2, 1);
        assertThat(pages).extracting(page -> page.at("/includes/users/0/public_metrics/followers_count").asInt())
                .containsExactly(5, 6);
    }

    @Test
    void aMastodonStatusHasHtmlContentUriIdsAndAcctsBareOnlyForTheLocalServer() throws IOException {
        // alice's server is mastodon.education, the one asked; bob's is scholar.social (MastodonAccounts)
        StringWriter out = new StringWriter();
        try (StatusWriter mastodon = new StatusWriter(out, 10)) {
            mastodon.write(PostEvent.of("7", "2025-01-09T20:01:00Z", "1").platform("mastodon").handle("alice")
                    .followers(3).text("Hi @bob #UKEdChat <3 https://a.example/b?c=d&e").hashtags("UKEdChat")
                    .mentions("bob").urls("https://a.example/b?c=d&e").lang("en"));
            mastodon.write(PostEvent.of("8", "2025-01-09T20:02:00Z", "2").platform("mastodon").handle("bob")
                    .text("Hi @bob #UKEdChat <3 https://a.example/b?c=d&e").hashtags("UKEdChat").mentions("bob")
                    .urls("https://a.example/b?c=d&e").retweetOf("7").lang("en"));
        }
        List<JsonNode> statuses = lines(out);
        JsonNode status = statuses.get(0);
        assertThat(status.get("uri").asText()).isEqualTo("https://mastodon.education/users/alice/statuses/7");
        assertThat(status.get("content").asText()).isEqualTo("<p>Hi <span class=\"h-card\" translate=\"no\">"
                + "<a href=\"https://scholar.social/@bob\" class=\"u-url mention\">@<span>bob</span></a></span> "
                + "<a href=\"https://mastodon.education/tags/UKEdChat\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + "UKEdChat</span></a> &lt;3 <a href=\"https://a.example/b?c=d&amp;e\" target=\"_blank\" "
                + "rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"\">"
                + "a.example/b?c=d&amp;e</span><span class=\"invisible\"></span></a></p>");
        assertThat(status.at("/account/acct").asText()).isEqualTo("alice");
        assertThat(status.at("/mentions/0/acct").asText()).isEqualTo("bob@scholar.social");
        JsonNode boost = statuses.get(1);
        assertThat(boost.get("uri").asText()).isEqualTo("https://scholar.social/users/bob/statuses/8/activity");
        assertThat(boost.get("content").asText()).isEmpty();
        assertThat(boost.at("/reblog/uri").asText()).isEqualTo("https://mastodon.education/users/alice/statuses/7");
        assertThat(boost.at("/account/acct").asText()).isEqualTo("bob@scholar.social");
    }

    @Test
    void aBlueskyPostsFacetsCountUtf8BytesAndARepostIsOnlyItsSubject() throws IOException {
        StringWriter out = new StringWriter();
        try (JetstreamWriter bluesky = new JetstreamWriter(out, 10)) {
            bluesky.write(PostEvent.of("1", "2025-01-09T20:01:00Z", "1").platform("bluesky").handle("alice")
                    .text("Café ☕ #ukedchat @bob").hashtags("ukedchat").mentions("bob").urls().lang("en"));
            bluesky.write(PostEvent.of("2", "2025-01-09T20:02:00Z", "2").platform("bluesky").handle("bob")
                    .text("Café ☕ #ukedchat @bob").hashtags("ukedchat").mentions("bob").urls().retweetOf("1"));
        }
        List<JsonNode> events = lines(out);
        JsonNode post = events.get(0);
        assertThat(post.get("did").asText()).isEqualTo(BlueskyIds.did("alice"));
        // "Café " is 6 bytes, "☕" 3, " " 1: #ukedchat spans bytes 10 to 19, @bob 20 to 24
        assertThat(post.at("/commit/record/facets").toString()).isEqualTo("["
                + "{\"$type\":\"app.bsky.richtext.facet\",\"index\":{\"byteStart\":10,\"byteEnd\":19},"
                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"ukedchat\"}]},"
                + "{\"$type\":\"app.bsky.richtext.facet\",\"index\":{\"byteStart\":20,\"byteEnd\":24},"
                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"" + BlueskyIds.did("bob") + "\"}]}]");
        assertThat(post.at("/commit/record/createdAt").asText()).isEqualTo("2025-01-09T20:01:00.000Z");
        assertThat(post.get("time_us").asLong()).isBetween(1736452860_000_000L, 1736452861_000_000L);
        JsonNode repost = events.get(1);
        assertThat(repost.at("/commit/collection").asText()).isEqualTo("app.bsky.feed.repost");
        assertThat(repost.at("/commit/record/subject/uri").asText()).isEqualTo(
                "at://" + BlueskyIds.did("alice") + "/app.bsky.feed.post/" + post.at("/commit/rkey").asText());
        assertThat(repost.at("/commit/record").has("text")).isFalse();
    }

    @Test
    void anEntityMissingFromTheTextOrAPostOfAnotherPlatformIsRefused() {
        StringWriter out = new StringWriter();
        JetstreamWriter bluesky = new JetstreamWriter(out, 10);
        assertThatThrownBy(() -> bluesky.write(PostEvent.of("1", "2025-01-09T20:01:00Z", "1").platform("bluesky")
                .text("#ukedchatter").hashtags("ukedchat")))
                .hasMessage("post 1: hashtag 'ukedchat' is not in its text after char 0");
        assertThatThrownBy(() -> bluesky.write(PostEvent.of("2", "2025-01-09T20:01:00Z", "1").platform("twitter")))
                .hasMessage("post 2 is on twitter, not bluesky");
        assertThatThrownBy(() -> bluesky.write(PostEvent.of("3", "2025-01-09T20:01:00Z", "1").platform("bluesky")
                .retweetOf("99")))
                .hasMessage("post 3 is a repost of 99, which was not written before it (or too long before)");
    }
}
