package org.staffroom.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.Converters;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.publish.Rejection;

/**
 * One archive line into the items the import sorts: the contract events converted from it, the
 * line itself when it already is one, or a rejection naming the source field and the line, so that
 * nothing is lost on the way (it ends in rejected_posts). Deletions of posts pass as deletion events;
 * likes and other records that are not posts are counted and left out.
 */
final class LineConverter {
    private final ObjectMapper json = new ObjectMapper();
    private final SourceFormat fixed;
    private final ConverterOptions converterOptions;
    private final Map<SourceFormat, RecordConverter> converters = new EnumMap<>(SourceFormat.class);
    private final ImportCounts counts;
    private long seq;

    /** @param fixed the format of every line, or null to detect each line's */
    LineConverter(SourceFormat fixed, ConverterOptions converterOptions, ImportCounts counts) {
        this.fixed = fixed;
        this.converterOptions = converterOptions;
        this.counts = counts;
    }

    /** One line of a JSONL file; {@code where} names it, asked only for a rejection. */
    void convert(String line, Supplier<String> where, Consumer<Item> out) {
        if (line.isBlank()) {
            return;
        }
        JsonNode record;
        try {
            record = json.readTree(line);
        } catch (JsonProcessingException e) {
            counts.records++;
            unmappable("not JSON: " + e.getOriginalMessage(), line, where, out);
            return;
        }
        convert(record, line, where, out);
    }

    /** One record already read, with its text as it came (a contract event is passed on as it was). */
    void convert(JsonNode record, String line, Supplier<String> where, Consumer<Item> out) {
        counts.records++;
        Optional<SourceFormat> format = fixed != null ? Optional.of(fixed) : SourceFormat.detect(record);
        if (format.isEmpty()) {
            unmappable("not a record of X API v2, Mastodon, Bluesky Jetstream or Staffroom's format", line, where, out);
            return;
        }
        counts.byFormat.merge(format.get(), 1L, Long::sum);
        if (format.get() == SourceFormat.STAFFROOM) {
            String createdAt = record.path("createdAt").asText(null);
            if (record.path("deleted").asBoolean(false)) {
                counts.deletions++;
                out.accept(new Item(deletionTime(createdAt), seq++, Item.Kind.DELETION, line));
            } else {
                counts.passed++;
                out.accept(new Item(eventTime(createdAt), seq++, Item.Kind.PASSED, line));
            }
            return;
        }
        RecordConverter converter = converters.computeIfAbsent(format.get(), f -> Converters.forFormat(f, converterOptions));
        List<Conversion> conversions;
        try {
            conversions = converter.convert(record);
        } catch (RuntimeException e) {
            // a converter's bug must not lose the rest of the archive; the record is kept with the error
            unmappable(format.get().formatName() + ": cannot convert: " + e, line, where, out);
            return;
        }
        Item.Kind kind = format.get() == SourceFormat.BLUESKY ? Item.Kind.BLUESKY : Item.Kind.CONVERTED;
        for (Conversion c : conversions) {
            if (c instanceof Conversion.Converted converted) {
                counts.converted++;
                out.accept(new Item(eventTime(converted.event().createdAt), seq++, kind, write(converted.event())));
            } else if (c instanceof Conversion.Deleted deleted) {
                counts.deletions++;
                out.accept(new Item(deletionTime(deleted.event().createdAt), seq++, Item.Kind.DELETION,
                        deleted.event().toJson()));
            } else if (c instanceof Conversion.Skipped skipped) {
                counts.skipped.merge(skipped.reason(), 1L, Long::sum);
            } else if (c instanceof Conversion.Unmappable u) {
                unmappable(u.reason(), u.source(), where, out);
            }
        }
    }

    private void unmappable(String reason, String source, Supplier<String> where, Consumer<Item> out) {
        counts.unmappable++;
        out.accept(new Item(Long.MIN_VALUE, seq++, Item.Kind.UNMAPPABLE, Rejection.json(reason + " (" + where.get() + ")",
                source)));
    }

    private String write(PostEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a post event always serialises", e);
        }
    }

    /** Where a deletion sorts: when it was reported, or after everything when that is unknown. */
    static long deletionTime(String reportedAt) {
        long time = eventTime(reportedAt);
        return time == Long.MIN_VALUE ? Long.MAX_VALUE : time;
    }

    /**
     * Where the event sorts; a createdAt that does not parse sorts first and is left to the job,
     * which rejects it with its own reason.
     */
    static long eventTime(String createdAt) {
        if (createdAt == null) {
            return Long.MIN_VALUE;
        }
        try {
            return OffsetDateTime.parse(createdAt).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
