package org.staffroom.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input file's lines, gzip or not (told by its first bytes, not its name: archives get renamed),
 * with how many compressed bytes are read so far, for progress.
 */
final class ArchiveFile implements AutoCloseable {
    private final Path path;
    private final CountingInputStream raw;
    private final BufferedReader reader;
    private final boolean compressed;
    private long lineNumber;

    private ArchiveFile(Path path, CountingInputStream raw, BufferedReader reader, boolean compressed) {
        this.path = path;
        this.raw = raw;
        this.reader = reader;
        this.compressed = compressed;
    }

    static ArchiveFile open(Path path) throws IOException {
        CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream content = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        // bytes that are not UTF-8 stop the import with the line they are on, rather than turning into U+FFFD unseen
        InputStreamReader text = new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new ArchiveFile(path, raw, new BufferedReader(text, 1 << 16), gzip);
    }

    /** The next line, or null at the end. */
    String readLine() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
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

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
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
