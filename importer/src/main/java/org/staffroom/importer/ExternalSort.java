package org.staffroom.importer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts more items than fit in memory: runs of {@code runSize} items are sorted and written to
 * temporary files, then merged. Archives are newest-first, and a year of a busy hashtag is larger
 * than a heap; with everything in one run nothing touches the disk.
 */
final class ExternalSort implements AutoCloseable {
    private final int runSize;
    private final Path tempDir;
    private final List<Item> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<BufferedReader> open = new ArrayList<>();

    ExternalSort(int runSize, Path tempDir) {
        if (runSize < 1) {
            throw new IllegalArgumentException("run size must be at least 1, got " + runSize);
        }
        this.runSize = runSize;
        this.tempDir = tempDir;
    }

    void add(Item item) throws IOException {
        buffer.add(item);
        if (buffer.size() >= runSize) {
            spill();
        }
    }

    /** Runs written to disk so far. */
    int spilledRuns() {
        return runs.size();
    }

    /** Every item added, in {@link Item#ORDER}; call once, after the last {@link #add}. */
    Iterator<Item> sorted() throws IOException {
        buffer.sort(Item.ORDER);
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        spill();
        PriorityQueue<RunCursor> heads = new PriorityQueue<>((a, b) -> Item.ORDER.compare(a.head, b.head));
        for (Path run : runs) {
            BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
            open.add(reader);
            RunCursor cursor = new RunCursor(reader);
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Item next() {
                RunCursor cursor = heads.poll();
                if (cursor == null) {
                    throw new NoSuchElementException();
                }
                Item item = cursor.head;
                if (cursor.advance()) {
                    heads.add(cursor);
                }
                return item;
            }
        };
    }

    private void spill() throws IOException {
        buffer.sort(Item.ORDER);
        Path run = Files.createTempFile(tempDir, "staffroom-import-run", ".tsv");
        runs.add(run);
        try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (Item item : buffer) {
                // JSON written by Jackson, or a JSONL line, holds no raw line break: one item per line
                out.write(item.time() + "\t" + item.seq() + "\t" + item.kind().name() + "\t" + item.json());
                out.newLine();
            }
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        for (BufferedReader reader : open) {
            reader.close();
        }
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }

    /** The next item of one run. */
    private static final class RunCursor {
        private final BufferedReader reader;
        Item head;

        RunCursor(BufferedReader reader) {
            this.reader = reader;
        }

        boolean advance() {
            try {
                String line = reader.readLine();
                if (line == null) {
                    return false;
                }
                String[] f = line.split("\t", 4);
                head = new Item(Long.parseLong(f[0]), Long.parseLong(f[1]), Item.Kind.valueOf(f[2]), f[3]);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
