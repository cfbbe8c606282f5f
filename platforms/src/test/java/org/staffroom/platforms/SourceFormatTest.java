package org.staffroom.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.bluesky.JetstreamConverter;
import org.staffroom.platforms.contract.ContractEventReader;
import org.staffroom.platforms.mastodon.MastodonConverter;
import org.staffroom.platforms.x.XConverter;

class SourceFormatTest {

    @Test
    void everyFixtureIsDetectedFromItsShape() {
        assertThat(SourceFormat.detect(Fixtures.record("x/page.json"))).contains(SourceFormat.X_V2);
        assertThat(Fixtures.lines("x/flattened.jsonl")).allSatisfy(
                line -> assertThat(SourceFormat.detect(line)).contains(SourceFormat.X_V2));
        assertThat(SourceFormat.detect(Fixtures.record("x/stream-line.json"))).contains(SourceFormat.X_V2);
        assertThat(SourceFormat.detect(Fixtures.record("mastodon/timeline-page.json"))).contains(SourceFormat.MASTODON);
        assertThat(SourceFormat.detect(Fixtures.record("mastodon/timeline-page.json").get(0)))
                .contains(SourceFormat.MASTODON);
        assertThat(Fixtures.lines("mastodon/stream.jsonl")).allSatisfy(
                frame -> assertThat(SourceFormat.detect(frame)).contains(SourceFormat.MASTODON));
        assertThat(Fixtures.lines("bluesky/jetstream.jsonl")).allSatisfy(
                event -> assertThat(SourceFormat.detect(event)).contains(SourceFormat.BLUESKY));
        assertThat(SourceFormat.detect(Fixtures.parse(
                PostEvent.of("1", "2024-11-21T20:00:00Z", "7").platform("twitter").toJson())))
                .contains(SourceFormat.STAFFROOM);
        assertThat(SourceFormat.detect(Fixtures.parse(new DeletionEvent("bluesky", "at://x", null).toJson())))
                .contains(SourceFormat.STAFFROOM);
        assertThat(Fixtures.lines("x/compliance.jsonl")).allSatisfy(
                line -> assertThat(SourceFormat.detect(line)).contains(SourceFormat.X_V2));
        assertThat(Fixtures.lines("mastodon/deletions.jsonl")).allSatisfy(
                frame -> assertThat(SourceFormat.detect(frame)).contains(SourceFormat.MASTODON));
        assertThat(Fixtures.lines("bluesky/deletions.jsonl")).allSatisfy(
                event -> assertThat(SourceFormat.detect(event)).contains(SourceFormat.BLUESKY));
    }

    @Test
    void otherShapesAreNotDetected() {
        assertThat(SourceFormat.detect(Fixtures.parse("{\"hello\": 1}"))).isEmpty();
        assertThat(SourceFormat.detect(Fixtures.parse("[]"))).isEmpty();
        assertThat(SourceFormat.detect(Fixtures.parse("[1, 2]"))).isEmpty();
        assertThat(SourceFormat.detect(Fixtures.parse("\"text\""))).isEmpty();
    }

    @Test
    void namesParseCaseInsensitivelyAndAnUnknownNameListsTheKnownOnes() {
        assertThat(SourceFormat.parse("X-V2")).isEqualTo(SourceFormat.X_V2);
        assertThat(SourceFormat.parse("bluesky")).isEqualTo(SourceFormat.BLUESKY);
        assertThatThrownBy(() -> SourceFormat.parse("twitter")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown source format 'twitter': one of x-v2, mastodon, bluesky, staffroom");
    }

    @Test
    void contractEventsAreReadAsTheyAre() {
        String event = PostEvent.of("1", "2024-11-21T20:00:00Z", "7").platform("twitter").handle("kim")
                .text("hi #ukedchat").retweetOf("0").toJson();
        RecordConverter reader = Converters.forFormat(SourceFormat.STAFFROOM, ConverterOptions.defaults());

        assertThat(Fixtures.described(reader.convert(Fixtures.parse(event)))).containsExactly(event);
        String deletion = new DeletionEvent("twitter", "1", "2024-11-22T08:00:00Z").toJson();
        assertThat(Fixtures.described(reader.convert(Fixtures.parse(deletion)))).containsExactly(deletion);
        assertThat(Fixtures.described(reader.convert(Fixtures.parse("{\"id\": \"1\", \"author\": 7}"))))
                .singleElement().asString().startsWith("unmappable: staffroom: ");
    }

    @Test
    void eachFormatHasItsConverter() {
        ConverterOptions options = ConverterOptions.defaults().withMastodonDomain("mastodon.education");
        assertThat(Converters.forFormat(SourceFormat.X_V2, options)).isInstanceOf(XConverter.class);
        assertThat(Converters.forFormat(SourceFormat.MASTODON, options)).isInstanceOf(MastodonConverter.class);
        assertThat(Converters.forFormat(SourceFormat.BLUESKY, options)).isInstanceOf(JetstreamConverter.class);
        assertThat(Converters.forFormat(SourceFormat.STAFFROOM, options)).isInstanceOf(ContractEventReader.class);
        assertThat(options.mastodonDomain()).isEqualTo(Optional.of("mastodon.education"));
        assertThatThrownBy(() -> new ConverterOptions(Optional.empty(), Map.of(), 0))
                .hasMessage("the number of Bluesky handles kept must be at least 1, not 0");
    }
}
