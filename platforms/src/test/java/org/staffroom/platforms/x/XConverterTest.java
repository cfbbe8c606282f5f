package org.staffroom.platforms.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.platforms.Fixtures.described;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.Fixtures;
import org.staffroom.platforms.PostEvent;

/** Golden: X API v2 records in, the exact contract events out (sources.md, X). */
class XConverterTest {
    private static final String ORIGINAL_TEXT = "Tonight's #ukedchat on feedback that moves learning: what works in your"
            + " room? Bring examples, bring questions #edchat #assessment with @okafor_science";
    private static final String NOTE_TEXT = "A longer reflection on tonight's #ukedchat: feedback only works when"
            + " students have time to use it. We now plan the lesson after the marking, not before. Thanks to"
            + " @jlee_maths for the idea of fix-it boxes, which turned our comments into tasks. Next term we will"
            + " try it across the department and write up what changes #edresearch";

    /** The page's five tweets, newest first, as the contract wants them. */
    private static final List<String> PAGE_EVENTS = List.of(
            // note_tweet: the whole text and its entities, not the truncated text's link to itself
            twitter("1600000000000000107", "2023-03-02T20:20:00.000Z", "1402").handle("okafor_science")
                    .followers(2304).text(NOTE_TEXT).hashtags("ukedchat", "edresearch").mentions("jlee_maths")
                    .urls().lang("en").toJson(),
            // withheld author: not in includes.users, so no handle and no followers
            twitter("1600000000000000106", "2023-03-02T20:16:44.000Z", "1409")
                    .text("@msreyes_teach We use whole-class feedback sheets, then five minutes of fix-it time"
                            + " #ukedchat")
                    .hashtags("ukedchat").mentions("msreyes_teach").urls().replyTo("1600000000000000103")
                    .lang("en").toJson(),
            // retweet: the original's text, hashtags (#assessment was cut from the retweet) and mentions,
            // not the "RT @msreyes_teach:" of the retweet's own text
            twitter("1600000000000000105", "2023-03-02T20:14:05.000Z", "1403").handle("jlee_maths")
                    .followers(97).text(ORIGINAL_TEXT).hashtags("ukedchat", "edchat", "assessment")
                    .mentions("okafor_science").urls().retweetOf("1600000000000000101").lang("en").toJson(),
            // quote: the article only, not the quoted tweet's permalink nor the photo
            twitter("1600000000000000104", "2023-03-02T20:10:30.000Z", "1402").handle("okafor_science")
                    .followers(2304).text("Exactly this. Our Year 9 trial write-up: https://t.co/AbC123xyz #ukedchat"
                            + " https://t.co/QtE456xyz https://t.co/PiC789xyz")
                    .hashtags("ukedchat").mentions().urls("https://schoolblog.example.org/feedback-trial?year=9&term=2")
                    .quoteOf("1600000000000000101").lang("en").toJson(),
            // edited: the id of the first version, so the edit chain counts once
            twitter("1600000000000000102", "2023-03-02T20:05:12.000Z", "1401").handle("msreyes_teach")
                    .followers(812).text("Q1: how do you make feedback something students act on? #ukedchat")
                    .hashtags("ukedchat").mentions().urls().lang("en").toJson());

    private final XConverter converter = new XConverter();

    @Test
    void aSearchPageGivesOneEventPerTweet() {
        assertThat(described(converter.convert(Fixtures.record("x/page.json")))).containsExactlyElementsOf(PAGE_EVENTS);
    }

    @Test
    void flattenedLinesGiveTheEventsOfTheRawPage() {
        assertThat(described(Fixtures.convertLines(converter, "x/flattened.jsonl")))
                .containsExactlyElementsOf(PAGE_EVENTS);
    }

    @Test
    void aStreamLineGivesItsTweet() {
        assertThat(described(Fixtures.convertLines(converter, "x/stream-line.json")))
                .containsExactly(PAGE_EVENTS.get(4));
    }

    @Test
    void unmappableTweetsAreRejectedWithTheFieldWhileTheRestOfThePageConverts() {
        String page = """
                {"data": [
                  {"id": "1", "edit_history_tweet_ids": ["1"], "author_id": "7", "text": "no time #ukedchat"},
                  {"id": "2", "edit_history_tweet_ids": ["2"], "author_id": "7", "created_at": "2023-03-02T20:00:00.000Z",
                   "text": "RT @gone: a deleted original", "referenced_tweets": [{"type": "retweeted", "id": "9"}]},
                  {"id": "3", "edit_history_tweet_ids": ["3"], "author_id": "7", "created_at": "yesterday", "text": "x"},
                  {"id": "4", "edit_history_tweet_ids": ["4"], "author_id": "7", "created_at": "2023-03-02T20:01:00Z",
                   "text": "fine", "entities": {"hashtags": [{"start": 0, "end": 4}]}},
                  {"id": "5", "edit_history_tweet_ids": ["5"], "author_id": "7", "created_at": "2023-03-02T20:02:00Z",
                   "text": "fine"}
                ], "includes": {"users": [{"id": "7", "username": "kim_teaches"}]}}
                """;
        List<Conversion> conversions = converter.convert(Fixtures.parse(page));

        assertThat(described(conversions)).containsExactly(
                "unmappable: x-v2: data[0].created_at is missing",
                "unmappable: x-v2: data[1].referenced_tweets[0].id 9 is not in includes.tweets",
                "unmappable: x-v2: data[2].created_at 'yesterday' is not an ISO-8601 instant with an offset",
                "unmappable: x-v2: data[3].entities.hashtags[0].tag is missing",
                twitter("5", "2023-03-02T20:02:00Z", "7").handle("kim_teaches").text("fine").hashtags().mentions()
                        .urls().toJson());
        // the rejection keeps the tweet itself, not the whole page
        assertThat(((Conversion.Unmappable) conversions.get(0)).source())
                .isEqualTo(Fixtures.parse(page).get("data").get(0).toString());
    }

    @Test
    void aFlattenedRetweetWhoseOriginalWasNotInTheIncludesIsRejected() {
        String line = """
                {"id": "2", "author_id": "7", "author": {}, "created_at": "2023-03-02T20:00:00.000Z",
                 "text": "RT @gone: a deleted original", "referenced_tweets": [{"type": "retweeted", "id": "9"}]}
                """;
        assertThat(described(converter.convert(Fixtures.parse(line)))).containsExactly(
                "unmappable: x-v2: referenced_tweets[0] (id 9) carries no tweet: it was not in the includes of"
                        + " the page flattened");
    }

    @Test
    void aPageWithoutTweetsIsSkippedAndARecordWithoutDataIsRejected() {
        assertThat(described(converter.convert(Fixtures.parse("{\"meta\": {\"result_count\": 0}}"))))
                .containsExactly("skipped: x-v2: a page without data holds no tweets");
        assertThat(described(converter.convert(Fixtures.parse("{\"includes\": {}}"))))
                .containsExactly("unmappable: x-v2: data is missing");
    }

    @Test
    void complianceDeletesAreDeletionEventsAndTheOtherComplianceEventsAreSkipped() {
        assertThat(described(Fixtures.convertLines(converter, "x/compliance.jsonl"))).containsExactly(
                "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"1600000000000000106\","
                        + "\"createdAt\":\"2023-03-03T08:15:02.000Z\"}",
                // a deleted quote tweet is deleted by its own id
                "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"1600000000000000104\","
                        + "\"createdAt\":\"2023-03-03T09:40:11.000Z\"}",
                "skipped: x-v2: a 'tweet_edit' compliance event is not a deletion",
                "skipped: x-v2: a 'withheld' compliance event is not a deletion",
                "unmappable: x-v2: data.delete.tweet.id is missing",
                // no event_at: a deletion without its time
                "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"1600000000000000105\"}");
    }

    private static PostEvent twitter(String id, String createdAt, String authorId) {
        return PostEvent.of(id, createdAt, authorId).platform("twitter");
    }
}
