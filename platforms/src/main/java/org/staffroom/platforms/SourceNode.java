package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node of a native record together with its path in that record ({@code data[2].created_at}), so
 * that every failure to read a field names that field.
 */
public final class SourceNode {
    private final JsonNode node;
    private final String path;

    private SourceNode(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    /** The top of a record (path {@code ""}) or of a part of one named by {@code path}. */
    public static SourceNode of(JsonNode node, String path) {
        return new SourceNode(node, path);
    }

    public SourceNode field(String name) {
        return new SourceNode(node.get(name), path.isEmpty() ? name : path + "." + name);
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    /** Present and not JSON null. */
    public boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** A required, non-empty string. */
    public String text() {
        String value = optionalText().orElseThrow(() -> new MappingException(path + " is missing"));
        if (value.isEmpty()) {
            throw new MappingException(path + " is empty");
        }
        return value;
    }

    /** A required string that may be empty, as a post's text. */
    public String anyText() {
        return optionalText().orElseThrow(() -> new MappingException(path + " is missing"));
    }

    /** A string, possibly empty; none when absent or null. */
    public Optional<String> optionalText() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new MappingException(path + " is not a string but " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return Optional.of(node.asText());
    }

    /** A required whole number. */
    public long wholeNumber() {
        return optionalLong().orElseThrow(() -> new MappingException(path + " is missing"));
    }

    /** A whole number; none when absent or null. */
    public Optional<Long> optionalLong() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new MappingException(path + " is not a whole number: " + node);
        }
        return Optional.of(node.asLong());
    }

    /** A required ISO-8601 instant with {@code Z} or an offset. */
    public Instant instant() {
        String value = text();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(path + " '" + value + "' is not an ISO-8601 instant with an offset");
        }
    }

    /**
     * A required instant as the contract's {@code createdAt}: the platform's own text when it is
     * already in UTC with {@code Z} (its milliseconds kept), else the same instant in UTC.
     */
    public String utcInstant() {
        Instant instant = instant();
        String value = node.asText();
        return value.endsWith("Z") ? value : instant.toString();
    }

    /** The elements of an array; absent or null is an empty array. */
    public List<SourceNode> elements() {
        if (!present()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MappingException(path + " is not an array");
        }
        List<SourceNode> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new SourceNode(node.get(i), path + "[" + i + "]"));
        }
        return elements;
    }

    /** The named string field of every element of this array, each required. */
    public List<String> texts(String field) {
        List<String> values = new ArrayList<>();
        for (SourceNode element : elements()) {
            values.add(element.field(field).text());
        }
        return List.copyOf(values);
    }
}
