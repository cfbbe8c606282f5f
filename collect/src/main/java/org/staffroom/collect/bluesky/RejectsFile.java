package org.staffroom.collect.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.staffroom.platforms.Conversion;

/**
 * The records a collector could not map, kept for a person to look at: one JSON object a line,
 * {@code {"reason": …, "source": "<the raw record>"}}, appended across runs.
 */
final class RejectsFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    RejectsFile(Path file) {
        this.file = file.toAbsolutePath();
        try {
            this.out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rejects file " + this.file, e);
        }
    }

    void write(Conversion.Unmappable rejected) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("reason", rejected.reason());
        line.put("source", rejected.source());
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the rejects file " + file, e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the rejects file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rejects file " + file, e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
