package org.staffroom.collect.bluesky;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Where a Bluesky collector resumes: the Jetstream {@code time_us} up to which every event it kept
 * is acknowledged by Kafka, one decimal number in a file. A save writes a temporary file beside it,
 * forces it to disk and moves it over the old one atomically, so a crash at any moment leaves
 * either the old position or the new one, never a torn file.
 */
final class CursorFile {
    private final Path file;

    CursorFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The position saved, or empty when none was ever saved. */
    OptionalLong load() {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cursor file " + file, e);
        }
        try {
            long timeUs = Long.parseLong(text);
            if (timeUs < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(timeUs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the cursor file " + file + " holds '" + text
                    + "', not a Jetstream time_us (microseconds since 1970); remove it to start from now");
        }
    }

    void save(long timeUs) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap((timeUs + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file + " cannot replace a file atomically", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the cursor to " + file, e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
