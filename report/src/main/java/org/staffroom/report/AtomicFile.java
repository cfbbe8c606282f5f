package org.staffroom.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

/**
 * A file that appears whole or not at all: written beside its place, then moved there, so that a
 * notebook or a browser never reads half of one, and a failed run leaves the previous one intact.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** What goes into the file; returns a count for the caller (rows written). */
    public interface Content {
        long writeTo(Writer out) throws IOException, SQLException;
    }

    public static long write(Path file, Content content) throws IOException, SQLException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            long written;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                written = content.writeTo(w);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
