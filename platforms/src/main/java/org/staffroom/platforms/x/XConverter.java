package org.staffroom.platforms.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.SourceNode;

/**
 * X API v2 records: a search page ({@code data} an array, with {@code includes}; one twarc2 JSONL
 * line), a filtered-stream line ({@code data} an object) or a {@code twarc2 flatten} line (one
 * tweet with its expansions inline). Each tweet gives one conversion, in the record's order. A
 * line of the Post compliance stream ({@code data} holding one event, no tweet) gives a deletion.
 */
public final class XConverter implements RecordConverter {
    /** The events of the Post compliance stream. */
    private static final Set<String> COMPLIANCE_EVENTS = Set.of("delete", "tweet_edit", "withheld", "drop", "undrop",
            "scrub_geo");

    @Override
    public List<Conversion> convert(JsonNode record) {
        SourceNode root = SourceNode.of(record, "");
        SourceNode data = root.field("data");
        if (!data.present()) {
            if (record.has("author_id")) {
                return List.of(tweet(root, FlattenedExpansions.INSTANCE));
            }
            if (record.has("meta") || record.has("errors")) {
                return List.of(new Conversion.Skipped("x-v2: a page without data holds no tweets"));
            }
            return List.of(new Conversion.Unmappable("x-v2: data is missing", record.toString()));
        }
        if (data.node().isObject() && data.node().size() == 1
                && COMPLIANCE_EVENTS.contains(data.node().fieldNames().next())) {
            return List.of(compliance(data, record));
        }
        PageExpansions expansions = new PageExpansions(root.field("includes"));
        if (data.node().isObject()) {
            return List.of(tweet(data, expansions));
        }
        if (!data.node().isArray()) {
            return List.of(new Conversion.Unmappable("x-v2: data is neither a tweet nor an array of tweets",
                    record.toString()));
        }
        List<Conversion> conversions = new ArrayList<>();
        for (SourceNode tweet : data.elements()) {
            conversions.add(tweet(tweet, expansions));
        }
        return conversions;
    }

    /**
     * A line of the Post compliance stream, {@code {"data": {"delete": {"tweet": {"id", "author_id"},
     * "event_at"}}}}: a delete is a deletion event; edits, withholdings, drops and undrops are not.
     */
    private static Conversion compliance(SourceNode data, JsonNode record) {
        String event = data.node().fieldNames().next();
        if (!event.equals("delete")) {
            return new Conversion.Skipped("x-v2: a '" + event + "' compliance event is not a deletion");
        }
        SourceNode delete = data.field("delete");
        return Conversion.attempt(SourceFormat.X_V2, record, () -> new Conversion.Deleted(new DeletionEvent(
                TweetMapper.PLATFORM, delete.field("tweet").field("id").text(),
                delete.field("event_at").optionalText().isPresent() ? delete.field("event_at").utcInstant() : null)));
    }

    private static Conversion tweet(SourceNode tweet, Expansions expansions) {
        return Conversion.attempt(SourceFormat.X_V2, tweet.node(),
                () -> new Conversion.Converted(TweetMapper.map(tweet, expansions)));
    }
}
