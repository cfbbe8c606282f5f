package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The native records under {@code src/test/resources}, and conversions written as comparable lines. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A whole file as one record (a page, an array of statuses). */
    public static JsonNode record(String resource) {
        return parse(text(resource));
    }

    /** A JSONL file, one record a line. */
    public static List<JsonNode> lines(String resource) {
        return text(resource).lines().filter(line -> !line.isBlank()).map(Fixtures::parse).toList();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of a JSONL file through one converter, in order. */
    public static List<Conversion> convertLines(RecordConverter converter, String resource) {
        List<Conversion> conversions = new ArrayList<>();
        for (JsonNode line : lines(resource)) {
            conversions.addAll(converter.convert(line));
        }
        return conversions;
    }

    /** An event (or deletion) as its JSON, a skip or a rejection as its reason, so a list compares at a glance. */
    public static List<String> described(List<Conversion> conversions) {
        return conversions.stream().map(Fixtures::described).toList();
    }

    public static String described(Conversion conversion) {
        if (conversion instanceof Conversion.Converted converted) {
            return converted.event().toJson();
        }
        if (conversion instanceof Conversion.Deleted deleted) {
            return deleted.event().toJson();
        }
        if (conversion instanceof Conversion.Skipped skipped) {
            return "skipped: " + skipped.reason();
        }
        return "unmappable: " + ((Conversion.Unmappable) conversion).reason();
    }

    private static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
