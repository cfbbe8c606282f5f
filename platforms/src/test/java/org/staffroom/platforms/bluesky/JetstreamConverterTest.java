package org.staffroom.platforms.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.platforms.Fixtures.described;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Fixtures;
import org.staffroom.platforms.PostEvent;

/** Golden: Jetstream events in, the exact contract events out (sources.md, Bluesky). */
class JetstreamConverterTest {
    static final String REYES = "did:plc:reyesteachesukedchatabcd";
    static final String LEE = "did:plc:jleemathsteacherbskyabcd";
    static final String OKAFOR = "did:plc:okaforsciencelabnotesxyz";
    static final String DAVIES = "did:plc:daviesprimaryschoolqwxyz";
    static final String CAFE_POST = "at://" + REYES + "/app.bsky.feed.post/3lbfxq2ukss2a";
    static final String UNSEEN_POST = "at://did:plc:someoneelseentirely23456/app.bsky.feed.post/3lbfwaaaaaa2z";

    /** The events of {@code bluesky/jetstream.jsonl} read in order by one converter. */
    static final List<String> STREAM_EVENTS = List.of(
            "skipped: bluesky: an identity event is not a post",
            // facets count UTF-8 bytes: ☕, é and 🍎 come before them; the mentioned DID has no known
            // handle, so the mention is its text; the link is the facet's full uri, not the shortened text
            bluesky(CAFE_POST, "2024-11-21T20:01:30.123Z", REYES).handle("msreyes.bsky.social")
                    .text("Ce soir ☕ café pédagogique 🍎 #ukedchat avec @jlee.bsky.social — notes:"
                            + " slides.example.org/deck?id=…")
                    .hashtags("ukedchat", "edchat").mentions("jlee.bsky.social")
                    .urls("https://slides.example.org/deck?id=42&page=3").lang("fr").toJson(),
            // createdAt a day ahead of the relay: the relay's time; a DID mention with a known handle
            bluesky("at://" + LEE + "/app.bsky.feed.post/3lbfxs7r4lk2b", "2024-11-21T20:03:10.250Z", LEE)
                    .text("@msreyes.bsky.social Love this! Our write-up is in the card #UKEdChat")
                    .hashtags("UKEdChat").mentions("msreyes.bsky.social")
                    .urls("https://mathsblog.example.net/retrieval-starters").replyTo(CAFE_POST).lang("en").toJson(),
            // a quote beside images: embed.record.record.uri
            bluesky("at://" + OKAFOR + "/app.bsky.feed.post/3lbfxtn6kfc2c", "2024-11-21T20:04:00.000Z", OKAFOR)
                    .text("Stealing this for Monday 🙌 #ukedchat #mathschat").hashtags("ukedchat", "mathschat")
                    .mentions().urls().quoteOf(CAFE_POST).lang("en").toJson(),
            // reposts: retweets of their subject, no entities of their own (RepostJoin adds the hashtags)
            bluesky("at://" + DAVIES + "/app.bsky.feed.repost/3lbfxvb2ajs2d", "2024-11-21T20:05:00.000Z", DAVIES)
                    .hashtags().mentions().urls().retweetOf(CAFE_POST).toJson(),
            bluesky("at://" + DAVIES + "/app.bsky.feed.repost/3lbfxvx4mcs2e", "2024-11-21T20:05:30.000Z", DAVIES)
                    .hashtags().mentions().urls().retweetOf(UNSEEN_POST).toJson(),
            "skipped: bluesky: app.bsky.feed.like is not a post",
            "{\"deleted\":true,\"platform\":\"bluesky\",\"id\":\"at://" + REYES + "/app.bsky.feed.post/3lbfwzzzzzz2g\","
                    + "\"createdAt\":\"2024-11-21T20:07:00Z\"}",
            "skipped: bluesky: an event of kind 'account' is not a post");

    @Test
    void aJetstreamCaptureGivesPostsRepostsAndDeletionsAndSkipsTheRest() {
        JetstreamConverter converter = new JetstreamConverter(Map.of(), 10);
        assertThat(described(Fixtures.convertLines(converter, "bluesky/jetstream.jsonl")))
                .containsExactlyElementsOf(STREAM_EVENTS);
    }

    @Test
    void deletesOfPostsAndRepostsAreDeletionsByTheirOwnIdsAndOtherDeletesAndEditsAreSkipped() {
        JetstreamConverter converter = new JetstreamConverter(Map.of(), 10);
        assertThat(described(Fixtures.convertLines(converter, "bluesky/deletions.jsonl"))).containsExactly(
                // a repost is deleted by the repost's id, not its subject's; at the relay's time, in milliseconds
                "{\"deleted\":true,\"platform\":\"bluesky\",\"id\":\"at://" + DAVIES
                        + "/app.bsky.feed.repost/3lbfxvb2ajs2d\",\"createdAt\":\"2024-11-21T20:10:00.123Z\"}",
                "skipped: bluesky: operation delete on app.bsky.feed.like is not a new post",
                "unmappable: bluesky: commit.rkey is missing",
                "skipped: bluesky: operation update on app.bsky.feed.post is not a new post");
    }

    @Test
    void aHandleTableNamesAuthorsAndMentionsBeforeAnyIdentityEvent() {
        JetstreamConverter converter = new JetstreamConverter(Map.of(LEE, "jlee.bsky.social"), 10);
        String post = Fixtures.lines("bluesky/jetstream.jsonl").get(2).toString();

        assertThat(described(converter.convert(Fixtures.parse(post)))).singleElement().asString()
                .contains("\"author\":{\"id\":\"" + LEE + "\",\"handle\":\"jlee.bsky.social\"}")
                // the mentioned DID was not in the table, and no identity event came: the facet's text
                .contains("\"mentions\":[\"msreyes.bsky.social\"]");
    }

    @Test
    void unmappableEventsNameTheField() {
        JetstreamConverter converter = new JetstreamConverter(Map.of(), 10);
        String template = """
                {"did": "did:plc:kimteachesyear6abcdefgh", "time_us": 1732219200000000, "kind": "commit",
                 "commit": {"rev": "3lbfy", "operation": "create", "collection": "app.bsky.feed.post", "rkey": "3lbfz",
                            "record": {"$type": "app.bsky.feed.post", "createdAt": %s, "text": "café #x",
                                       "facets": [{"index": {"byteStart": %d, "byteEnd": %d},
                                                   "features": [{"$type": "app.bsky.richtext.facet#mention",
                                                                 "did": "did:plc:other"}]}]}}}
                """;
        assertThat(described(converter.convert(Fixtures.parse(template.formatted("\"2024-11-21T20:00:00\"", 0, 1)))))
                .containsExactly("unmappable: bluesky: commit.record.createdAt '2024-11-21T20:00:00' is not an"
                        + " ISO-8601 instant with an offset");
        assertThat(described(converter.convert(Fixtures.parse(template.formatted("null", 0, 1)))))
                .containsExactly("unmappable: bluesky: commit.record.createdAt is missing");
        // "café #x" is 8 bytes; é is bytes 3 and 4
        assertThat(described(converter.convert(Fixtures.parse(template.formatted("\"2024-11-21T20:00:00Z\"", 6, 9)))))
                .containsExactly("unmappable: bluesky: commit.record.facets[0].index [6, 9) does not lie within"
                        + " the text's 8 UTF-8 bytes");
        assertThat(described(converter.convert(Fixtures.parse(template.formatted("\"2024-11-21T20:00:00Z\"", 4, 8)))))
                .containsExactly("unmappable: bluesky: commit.record.facets[0].index [4, 8) cuts a character of the"
                        + " text in two");
        assertThat(described(converter.convert(Fixtures.parse("{\"did\": \"did:plc:x\", \"time_us\": 1}"))))
                .containsExactly("unmappable: bluesky: kind is missing");
    }

    static PostEvent bluesky(String id, String createdAt, String authorId) {
        return PostEvent.of(id, createdAt, authorId).platform("bluesky");
    }
}
