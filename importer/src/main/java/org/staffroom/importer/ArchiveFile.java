package org.staffroom.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One input file's records, gzip or not (told by its first bytes, not its name: archives get
 * renamed): its lines when it is JSON Lines, else its bytes for a JSON parser; and how many
 * compressed bytes are read so far, for progress. Lines are cut as bytes and each decoded on its
 * own, so bytes that are not UTF-8 stop the import naming their line, never become U+FFFD unseen.
 */
final class ArchiveFile implements AutoCloseable {
    private static final ObjectMapper FIRST_LINE = new ObjectMapper();

    private final Path path;
    private final CountingInputStream raw;
    private final InputStream content;
    private final boolean compressed;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean jsonLines;
    /** The first non-blank line, read to tell the format, until it is read again. */
    private byte[] firstLine;
    private String firstLineText;
    private long lineNumber;

    private ArchiveFile(Path path, CountingInputStream raw, InputStream content, boolean compressed) {
        this.path = path;
        this.raw = raw;
        this.content = content;
        this.compressed = compressed;
    }

    static ArchiveFile open(Path path) throws IOException {
        CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream content = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        ArchiveFile file = new ArchiveFile(path, raw, content, gzip);
        try {
            file.jsonLines = file.firstRecordIsALine();
            return file;
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Whether the file is JSON Lines: its first non-blank line is a whole JSON value, or garbage
     * (then each line is judged on its own); not when the line is the start of a longer value, as
     * in a pretty-printed API answer. That line is kept to be read again.
     */
    private boolean firstRecordIsALine() throws IOException {
        for (byte[] line = nextLineBytes(); line != null; line = nextLineBytes()) {
            lineNumber++;
            String text = decode(line);
            if (!text.isBlank()) {
                firstLine = line;
                firstLineText = text;
                lineNumber--;
                try {
                    FIRST_LINE.readTree(text);
                    return true;
                } catch (JsonEOFException e) {
                    return false;
                } catch (JsonProcessingException e) {
                    return true;
                }
            }
        }
        return true;
    }

    /** One record a line; otherwise one or more JSON documents, read from {@link #stream()}. */
    boolean isJsonLines() {
        return jsonLines;
    }

    /** The next line, or null at the end. */
    String readLine() throws IOException {
        if (firstLineText != null) {
            String line = firstLineText;
            firstLine = null;
            firstLineText = null;
            lineNumber++;
            return line;
        }
        byte[] line = nextLineBytes();
        if (line == null) {
            return null;
        }
        lineNumber++;
        return decode(line);
    }

    /** The bytes from the first record on, for a file that is not JSON Lines. */
    InputStream stream() {
        InputStream rest = new ByteArrayInputStream(buffer, position, limit - position);
        InputStream first = new ByteArrayInputStream(firstLine == null ? new byte[0] : firstLine);
        firstLine = null;
        firstLineText = null;
        return new SequenceInputStream(new SequenceInputStream(first, new ByteArrayInputStream(new byte[] {'\n'})),
                new SequenceInputStream(rest, content));
    }

    /** The number of the line last read, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return raw.count;
    }

    boolean compressed() {
        return compressed;
    }

    Path path() {
        return path;
    }

    private String decode(byte[] line) throws IOException {
        try {
            return utf8.decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(path + " line " + (lineNumber + (firstLine == null ? 0 : 1)) + " is not UTF-8 text", e);
        }
    }

    /** The bytes up to the next line feed (without it, nor a carriage return before it), or null at the end. */
    private byte[] nextLineBytes() throws IOException {
        int start = position;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    return Arrays.copyOfRange(buffer, start, end);
                }
            }
            // no line feed in what is buffered: keep the partial line at the front, read more
            int partial = limit - start;
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, partial);
            } else if (partial == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            position = partial;
            limit = partial;
            start = 0;
            int n = content.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                position = limit;
                return partial == 0 ? null : Arrays.copyOfRange(buffer, 0, partial);
            }
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
