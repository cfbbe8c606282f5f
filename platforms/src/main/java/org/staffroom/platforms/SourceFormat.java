package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a record may come in: the three platforms' native records and the contract's own events. */
public enum SourceFormat {
    X_V2("x-v2"),
    MASTODON("mastodon"),
    BLUESKY("bluesky"),
    STAFFROOM("staffroom");

    private final String formatName;

    SourceFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name used in options and in rejection reasons, e.g. {@code x-v2}. */
    public String formatName() {
        return formatName;
    }

    /** The format named, case-insensitively, as in {@code --format x-v2}. */
    public static SourceFormat parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.formatName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source format '" + name
                        + "': one of " + Arrays.stream(values()).map(SourceFormat::formatName)
                        .collect(Collectors.joining(", "))));
    }

    /**
     * The format of a record, from its shape alone: an X page or stream line has {@code data}, a
     * {@code twarc2 flatten} line is a tweet with {@code author_id}; a Mastodon status has
     * {@code uri}, {@code account} and {@code content}, a streaming frame {@code event} and
     * {@code payload}, a REST page is an array of statuses; a Jetstream event has {@code did},
     * {@code time_us} and {@code kind}; a contract event has {@code createdAt} and {@code author}, a
     * deletion event {@code deleted}.
     * Empty when the shape is none of these.
     */
    public static Optional<SourceFormat> detect(JsonNode record) {
        if (record == null) {
            return Optional.empty();
        }
        if (record.isArray()) {
            return record.isEmpty() ? Optional.empty() : detect(record.get(0)).filter(f -> f == MASTODON);
        }
        if (!record.isObject()) {
            return Optional.empty();
        }
        if (record.has("data") || record.has("author_id") && record.has("text")) {
            return Optional.of(X_V2);
        }
        if (record.has("uri") && record.has("account") && record.has("content")
                || record.has("event") && record.has("payload")) {
            return Optional.of(MASTODON);
        }
        if (record.has("did") && record.has("time_us") && record.has("kind")) {
            return Optional.of(BLUESKY);
        }
        if (record.has("createdAt") && record.has("author") || record.has("deleted")) {
            return Optional.of(STAFFROOM);
        }
        return Optional.empty();
    }
}
