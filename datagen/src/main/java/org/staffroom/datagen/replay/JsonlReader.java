package org.staffroom.datagen.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the records of a JSONL file: one record per line, as raw bytes (no decoding, so a line
 * with invalid UTF-8 is replayed byte for byte). Lines end with {@code \n}; a {@code \r} before it
 * is dropped; the last line needs no newline. Blank lines (only spaces, tabs or {@code \r}) are
 * not records and are skipped.
 *
 * <p>Memory is one buffer (1 MiB, grown only for a longer line), whatever the file's size.
 */
public final class JsonlReader implements AutoCloseable {
    static final int DEFAULT_BUFFER = 1 << 20;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;
    private long lineNumber;

    private int lineStart;
    private int lineEnd;

    public JsonlReader(Path file) throws IOException {
        this(Files.newInputStream(file), DEFAULT_BUFFER);
    }

    JsonlReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(16, bufferSize)];
    }

    /**
     * Advances to the next record; false at the end of the file. The record is then
     * {@link #line()} (a copy) or the view {@link #buffer()}{@code [}{@link #start()}, {@link #end()}{@code )},
     * valid until the next call.
     */
    public boolean next() throws IOException {
        while (true) {
            int nl = indexOfNewline();
            int contentEnd;
            int after;
            if (nl >= 0) {
                contentEnd = nl;
                after = nl + 1;
            } else if (eof) {
                if (pos >= limit) {
                    return false;
                }
                contentEnd = limit;
                after = limit;
            } else {
                fill();
                continue;
            }
            lineNumber++;
            consumed += after - pos;
            int s = pos;
            int e = contentEnd;
            if (e > s && buf[e - 1] == '\r') {
                e--;
            }
            pos = after;
            if (!blank(s, e)) {
                lineStart = s;
                lineEnd = e;
                return true;
            }
        }
    }

    private int indexOfNewline() {
        byte[] b = buf;
        for (int i = pos, n = limit; i < n; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front (growing the buffer if they fill it) and reads more. */
    private void fill() throws IOException {
        int remaining = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, remaining);
        } else if (remaining == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = remaining;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private boolean blank(int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A copy of the current record's bytes. */
    public byte[] line() {
        return Arrays.copyOfRange(buf, lineStart, lineEnd);
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** The 1-based line number of the current record in the file (blank lines count). */
    public long lineNumber() {
        return lineNumber;
    }

    /** Bytes of the file consumed so far, up to and including the current record's newline. */
    public long bytesConsumed() {
        return consumed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The number of records in {@code file}, at most {@code limit}: a pass without copying lines. */
    public static long countRecords(Path file, long limit) throws IOException {
        long n = 0;
        try (JsonlReader r = new JsonlReader(file)) {
            while (n < limit && r.next()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The {@code createdAt} of the file's last record, read from the file's tail (at most its last
     * {@code 1 MiB}), or {@link EventTimes#NONE}.
     */
    public static long lastEventTime(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int n = (int) Math.min(size, DEFAULT_BUFFER);
            byte[] tail = new byte[n];
            raf.seek(size - n);
            raf.readFully(tail);
            int end = n;
            while (end > 0) {
                int e = end;
                while (e > 0 && (tail[e - 1] == '\n' || tail[e - 1] == '\r' || tail[e - 1] == ' ' || tail[e - 1] == '\t')) {
                    e--;
                }
                int s = e;
                while (s > 0 && tail[s - 1] != '\n') {
                    s--;
                }
                if (s == 0 && n < size) {
                    return EventTimes.NONE;   // the last line is longer than the tail read
                }
                if (e > s) {
                    return new PostFieldScanner().scan(Arrays.copyOfRange(tail, s, e), true).createdAtMillis();
                }
                end = s;
            }
            return EventTimes.NONE;
        }
    }
}
