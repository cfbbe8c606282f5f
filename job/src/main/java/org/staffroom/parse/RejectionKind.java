package org.staffroom.parse;

import java.util.Locale;

/**
 * The kinds of reasons a record is rejected for, as operators count them (the metric
 * {@code recordsRejected}, labelled {@code reason}): a rise of one kind points at one producer's
 * fault. Read from the reason's opening words, which the parser writes in few fixed forms
 * ({@code RejectionKindTest} pins every form).
 */
public enum RejectionKind {
    /** Not a JSON object at all: not JSON, empty, not an object, too large, too deep. */
    MALFORMED,
    /** A platform's record an import or a collector could not convert ({@code conversionError}). */
    UNCONVERTED,
    /** createdAt unparseable, too far in the future or before the earliest accepted (missing: {@link #FIELD}). */
    EVENT_TIME,
    /** A value beyond a limit of the contract (key lengths, counts, text length). */
    LIMIT,
    /** A required field missing or a field of the wrong type. */
    FIELD,
    /** A fault of ours or of a library while parsing; the row says which. */
    INTERNAL;

    /** The label of the metric: {@code event_time}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a rejection's reason. */
    public static RejectionKind of(String reason) {
        String r = reason.startsWith("deletion event: ") ? reason.substring("deletion event: ".length()) : reason;
        if (r.startsWith("internal error")) {
            return INTERNAL;
        }
        if (r.startsWith("not converted from its platform's format")) {
            return UNCONVERTED;
        }
        if (r.startsWith("not valid JSON") || r.startsWith("expected a JSON object") || r.startsWith("record ")) {
            return MALFORMED;
        }
        if (r.startsWith("createdAt:") && !r.contains("required field is")) {
            return EVENT_TIME;
        }
        // the limits' messages end so; a value quoted in a message comes before its last words
        if (r.endsWith("per post") || r.endsWith("may hold a link") || r.contains("characters, more than the limit")
                || r.matches("(?s)[^']*: [\\d,]+ characters.*, limit [\\d,]+") || r.startsWith("text: nested too deeply")) {
            return LIMIT;
        }
        return FIELD;
    }
}
