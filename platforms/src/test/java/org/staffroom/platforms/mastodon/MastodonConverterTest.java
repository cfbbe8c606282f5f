package org.staffroom.platforms.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.atIndex;
import static org.staffroom.platforms.Fixtures.described;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Fixtures;
import org.staffroom.platforms.PostEvent;

/** Golden: Mastodon Status entities in, the exact contract events out (sources.md, Mastodon). */
class MastodonConverterTest {
    private static final String REYES = "https://mastodon.education/users/msreyes";
    private static final String AOIFE_STATUS = "https://teachers.ie/users/aoife/statuses/113499999999990001";
    private static final String REYES_STATUS = REYES + "/statuses/113500000000000001";
    private static final String QUIZ_TEXT = "@msreyes We do weekly low-stakes quizzes #ukedchat #RetrievalPractice";

    private final MastodonConverter converter = new MastodonConverter(Optional.empty());

    @Test
    void aTimelinePageGivesOneEventPerStatus() {
        assertThat(described(converter.convert(Fixtures.record("mastodon/timeline-page.json")))).containsExactly(
                // a pending quote (quoted_status null) is still a quote; its "RE:" fallback is neither text nor url
                mastodon("https://scholar.social/users/pdavies/statuses/113500000000009004",
                        "2024-11-21T20:08:15.250Z", "https://scholar.social/users/pdavies")
                        .handle("pdavies@scholar.social").followers(58).text("This, for every Year 7 class. #ukedchat")
                        .hashtags("ukedchat").mentions().urls().quoteOf("unavailable:pending").lang("en").toJson(),
                // a boost: by the booster, with the boosted status's text and entities
                mastodon("https://mastodon.education/users/okafor/statuses/113500000000000003/activity",
                        "2024-11-21T20:07:02.117Z", "https://mastodon.education/users/okafor")
                        .handle("okafor@mastodon.education").followers(1290).text(QUIZ_TEXT)
                        .hashtags("ukedchat", "retrievalpractice").mentions("msreyes@mastodon.education").urls()
                        .retweetOf(AOIFE_STATUS).lang("en").toJson(),
                // a remote status: its uri, not the local id; the bare acct of a local mention gets its server
                mastodon(AOIFE_STATUS, "2024-11-21T20:05:40.000Z", "https://teachers.ie/users/aoife")
                        .handle("aoife@teachers.ie").followers(431).text(QUIZ_TEXT)
                        .hashtags("ukedchat", "retrievalpractice").mentions("msreyes@mastodon.education").urls()
                        .replyTo("113500000000000001").lang("en").toJson(),
                // hashtag and mention anchors are not urls; the link keeps its ? and & (decoded), whole in the text
                mastodon(REYES_STATUS, "2024-11-21T20:02:11.482Z", REYES)
                        .handle("msreyes@mastodon.education").followers(655)
                        .text("Tonight's #UKEdChat is on retrieval practice. Slides from @jlee and @okafor:"
                                + " https://slides.example.org/deck?id=42&page=3\nJoin us at eight.\nBring one idea.")
                        .hashtags("UKEdChat").mentions("jlee@sciences.social", "okafor@mastodon.education")
                        .urls("https://slides.example.org/deck?id=42&page=3").lang("en").toJson());
    }

    @Test
    void streamingFramesDecodeTheirPayloadTwiceAndOnlyUpdatesArePosts() {
        assertThat(described(Fixtures.convertLines(converter, "mastodon/stream.jsonl"))).containsExactly(
                mastodon("https://sciences.social/users/jlee/statuses/113500000000000555", "2024-11-21T20:09:00Z",
                        "https://sciences.social/users/jlee")
                        .handle("jlee@sciences.social").followers(302)
                        .text("Ours: two questions at the door, every lesson. #ukedchat")
                        .hashtags("ukedchat").mentions().urls().quoteOf(REYES_STATUS).lang("en").toJson(),
                "skipped: mastodon: a 'delete' frame of a status not converted here (its uri is unknown)",
                "skipped: mastodon: a 'status.update' frame is not a new post");
    }

    @Test
    void deleteFramesNameTheUriOfAStatusConvertedBeforeByItsLocalId() {
        converter.convert(Fixtures.record("mastodon/timeline-page.json"));
        assertThat(described(Fixtures.convertLines(converter, "mastodon/stream.jsonl"))).contains(
                // the page's remote status 113500000000000002, by its uri
                deletion(AOIFE_STATUS), atIndex(1));
        assertThat(described(Fixtures.convertLines(converter, "mastodon/deletions.jsonl"))).containsExactly(
                // the stream's own update
                deletion("https://sciences.social/users/jlee/statuses/113500000000000555"),
                // a boost is deleted by the boost's uri, not its original's
                deletion("https://mastodon.education/users/okafor/statuses/113500000000000003/activity"),
                "skipped: mastodon: a 'delete' frame of a status not converted here (its uri is unknown)",
                "unmappable: mastodon: payload of a 'delete' frame is not a status id");
    }

    /** A delete frame carries no time: a deletion without its createdAt. */
    private static String deletion(String uri) {
        return "{\"deleted\":true,\"platform\":\"mastodon\",\"id\":\"" + uri + "\"}";
    }

    @Test
    void theDomainOfTheServerAskedCompletesBareAcctsBeforeAnyProfileUrlAndHiddenFollowersAreUnknown() {
        String status = """
                {"id": "1", "uri": "https://social.example.org/users/sam/statuses/1", "created_at": "2024-11-21T20:00:00.000Z",
                 "account": {"acct": "sam", "uri": "https://social.example.org/users/sam", "url": "https://social.example.org/@sam",
                             "followers_count": -1},
                 "content": "<p>hello</p>", "tags": [], "mentions": [{"acct": "kim"}], "reblog": null, "language": null}
                """;
        MastodonConverter askedExampleOrg = new MastodonConverter(Optional.of("example.org"));

        assertThat(described(askedExampleOrg.convert(Fixtures.parse(status)))).containsExactly(
                mastodon("https://social.example.org/users/sam/statuses/1", "2024-11-21T20:00:00.000Z",
                        "https://social.example.org/users/sam")
                        .handle("sam@example.org").text("hello").hashtags().mentions("kim@example.org").urls().toJson());
        // without it a mention with neither a domain nor a profile url cannot be named
        assertThat(described(converter.convert(Fixtures.parse(status)))).containsExactly(
                "unmappable: mastodon: mentions[0].acct 'kim' has no domain and mentions[0].url is missing:"
                        + " name the server asked");
    }

    @Test
    void unmappableStatusesNameTheField() {
        assertThat(described(converter.convert(Fixtures.parse("""
                [{"uri": "https://a.example/s/1", "account": {"acct": "a@b.example", "uri": "https://b.example/u/a"},
                  "content": "<p>x</p>"},
                 {"uri": "https://a.example/s/2", "created_at": "2024-11-21T20:00:00.000Z",
                  "account": {"acct": "a@b.example"}, "content": "<p>x</p>"}]
                """)))).containsExactly(
                "unmappable: mastodon: [0].created_at is missing",
                "unmappable: mastodon: [1].account.uri and [1].account.url are missing");
        assertThat(described(converter.convert(Fixtures.parse(
                "{\"event\": \"update\", \"payload\": \"{\\\"uri\\\": \\\"cut short\"}"))))
                .singleElement().asString().startsWith("unmappable: mastodon: payload is not JSON: ");
    }

    @Test
    void theServersDomainMustBeAHostName() {
        assertThatThrownBy(() -> new MastodonConverter(Optional.of("https://mastodon.social/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Mastodon server's domain must be a bare host name such as mastodon.social,"
                        + " not 'https://mastodon.social/'");
    }

    private static PostEvent mastodon(String id, String createdAt, String authorId) {
        return PostEvent.of(id, createdAt, authorId).platform("mastodon");
    }
}
