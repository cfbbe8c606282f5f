package org.staffroom.datagen.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the top-level {@code id} and {@code createdAt} of a JSON line without binding it: one pass
 * over the bytes that steps over nested objects, arrays and strings (so {@code author.id} or a
 * {@code "createdAt"} inside a text is never mistaken for the post's). Replaying fast must not
 * pay for a full parse of every line; this costs a few hundred nanoseconds and no allocation
 * beyond the key.
 *
 * <p>It is lenient by design: it reads what it can and stops at the first thing that is not JSON.
 * A line it cannot read is still replayed, just with a null key and no event time. The first
 * occurrence of a field wins. Not thread-safe: one instance per reading thread.
 */
public final class PostFieldScanner {
    private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CREATED_AT = "createdAt".getBytes(StandardCharsets.US_ASCII);

    private byte[] line;
    private int idStart = -1;
    private int idEnd;
    private boolean idEscaped;
    private int timeStart = -1;
    private int timeEnd;
    private boolean timeEscaped;

    /**
     * Scans {@code line}; afterwards {@link #id()} and {@link #createdAtMillis()} answer for it.
     * With {@code wantTime} false the scan stops as soon as the id is found.
     */
    public PostFieldScanner scan(byte[] line, boolean wantTime) {
        this.line = line;
        idStart = -1;
        timeStart = -1;
        try {
            scanObject(line, wantTime);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            // a line that ends inside a value: keep what was found before
        }
        return this;
    }

    private void scanObject(byte[] b, boolean wantTime) {
        int n = b.length;
        int i = skipWhitespace(b, 0);
        if (i >= n || b[i] != '{') {
            return;
        }
        i = skipWhitespace(b, i + 1);
        if (i < n && b[i] == '}') {
            return;
        }
        while (i < n) {
            if (b[i] != '"') {
                return;
            }
            int keyStart = i + 1;
            int keyEnd = endOfString(b, keyStart);
            if (keyEnd < 0) {
                return;
            }
            i = skipWhitespace(b, keyEnd + 1);
            if (i >= n || b[i] != ':') {
                return;
            }
            i = skipWhitespace(b, i + 1);
            if (i >= n) {
                return;
            }
            boolean isId = idStart < 0 && equals(b, keyStart, keyEnd, ID);
            boolean isTime = !isId && wantTime && timeStart < 0 && equals(b, keyStart, keyEnd, CREATED_AT);
            if ((isId || isTime) && b[i] == '"') {
                int end = endOfString(b, i + 1);
                if (end < 0) {
                    return;
                }
                boolean escaped = indexOf(b, i + 1, end, (byte) '\\') >= 0;
                if (isId) {
                    idStart = i + 1;
                    idEnd = end;
                    idEscaped = escaped;
                } else {
                    timeStart = i + 1;
                    timeEnd = end;
                    timeEscaped = escaped;
                }
                if (idStart >= 0 && (!wantTime || timeStart >= 0)) {
                    return;
                }
                i = end + 1;
            } else {
                i = skipValue(b, i);
                if (i < 0) {
                    return;
                }
            }
            i = skipWhitespace(b, i);
            if (i >= n || b[i] != ',') {
                return;
            }
            i = skipWhitespace(b, i + 1);
        }
    }

    /** The top-level {@code id} as UTF-8 bytes (a Kafka key), or null when absent, not a string or empty. */
    public byte[] id() {
        if (idStart < 0 || idEnd == idStart) {
            return null;
        }
        if (!idEscaped) {
            return Arrays.copyOfRange(line, idStart, idEnd);
        }
        String s = unescape(line, idStart, idEnd);
        return s == null || s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** The top-level {@code createdAt} in epoch milliseconds, or {@link EventTimes#NONE}. */
    public long createdAtMillis() {
        if (timeStart < 0) {
            return EventTimes.NONE;
        }
        if (!timeEscaped) {
            return EventTimes.parse(line, timeStart, timeEnd);
        }
        String s = unescape(line, timeStart, timeEnd);
        return s == null ? EventTimes.NONE : EventTimes.parse(s);
    }

    private static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** The index of the closing quote of a string whose content starts at {@code i}, or -1. */
    private static int endOfString(byte[] b, int i) {
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** The index just after the value starting at {@code i}, or -1 when the line ends inside it. */
    private static int skipValue(byte[] b, int i) {
        byte c = b[i];
        if (c == '"') {
            int end = endOfString(b, i + 1);
            return end < 0 ? -1 : end + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (i < b.length) {
                c = b[i];
                if (c == '"') {
                    int end = endOfString(b, i + 1);
                    if (end < 0) {
                        return -1;
                    }
                    i = end + 1;
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return -1;
        }
        // a number or a literal: up to the next delimiter
        while (i < b.length) {
            c = b[i];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean equals(byte[] b, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The JSON string content {@code b[from, to)} with its escapes resolved, or null if one is invalid. */
    static String unescape(byte[] b, int from, int to) {
        String raw = new String(b, from, to - from, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= raw.length()) {
                return null;
            }
            char e = raw.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= raw.length()) {
                        return null;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int d = Character.digit(raw.charAt(i + k), 16);
                        if (d < 0) {
                            return null;
                        }
                        code = code * 16 + d;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
