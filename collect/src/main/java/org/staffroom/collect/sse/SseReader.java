package org.staffroom.collect.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads server-sent events from a text stream, as the HTML standard's event stream interpretation
 * does: lines end with CRLF, LF or CR ({@link BufferedReader#readLine} knows all three); a blank
 * line dispatches the event; {@code data:} lines accumulate, joined by new lines; a line starting
 * with {@code :} is a comment (Mastodon's {@code :thump} heartbeats); one space after the field's
 * colon is dropped; {@code id}, {@code retry} and unknown fields are ignored, since a Mastodon
 * stream cannot be resumed by event id (the collector catches up through the timeline instead).
 */
public final class SseReader {
    private static final String DEFAULT_TYPE = "message";

    private final BufferedReader lines;

    public SseReader(Reader in) {
        this.lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    }

    /** The next event; empty at the end of the stream (an event left without its blank line is dropped, as the standard says). */
    public Optional<SseEvent> next() throws IOException {
        String type = DEFAULT_TYPE;
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new SseEvent(type, data.toString()));
                }
                type = DEFAULT_TYPE; // an event without data is not dispatched
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
                if (field.equals("event")) {
                    type = value.isEmpty() ? DEFAULT_TYPE : value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        }
        return Optional.empty();
    }
}
