package org.staffroom.platforms.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.SourceNode;

/**
 * X API v2 records: a search page ({@code data} an array, with {@code includes}; one twarc2 JSONL
 * line), a filtered-stream line ({@code data} an object) or a {@code twarc2 flatten} line (one
 * tweet with its expansions inline). Each tweet gives one conversion, in the record's order.
 */
public final class XConverter implements RecordConverter {

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

    private static Conversion tweet(SourceNode tweet, Expansions expansions) {
        return Conversion.attempt(SourceFormat.X_V2, tweet.node(),
                () -> new Conversion.Converted(TweetMapper.map(tweet, expansions)));
    }
}
