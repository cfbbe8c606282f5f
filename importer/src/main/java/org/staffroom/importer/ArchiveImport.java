package org.staffroom.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.bluesky.RepostJoin;

/**
 * Archives in, contract events out in event-time order: every line converted ({@link LineConverter}),
 * sorted ({@link ExternalSort}), Bluesky reposts given their original's hashtags in that order
 * (an original is always older than its reposts, though newest-first files show it after them),
 * then written one per line, rejections first.
 */
public final class ArchiveImport {
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private final ImportOptions options;
    private final PrintStream progress;
    private final ObjectMapper json = new ObjectMapper();

    public ArchiveImport(ImportOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Converts and sorts the inputs into {@code out}; what it saw is returned and printed. */
    public ImportCounts run(List<Path> inputs, Writer out) throws IOException {
        ImportCounts counts = new ImportCounts();
        long totalBytes = 0;
        for (Path input : inputs) {
            totalBytes += Files.size(input);
        }
        long began = System.nanoTime();
        try (ExternalSort sort = new ExternalSort(options.sortRun(), options.tempDir())) {
            LineConverter converter = new LineConverter(options.format(), options.converters(), counts);
            long lastReport = began;
            long bytesBefore = 0;
            for (Path input : inputs) {
                try (ArchiveFile file = ArchiveFile.open(input)) {
                    for (String line = readLine(file); line != null; line = readLine(file)) {
                        converter.convert(line, input.getFileName() + " line " + file.lineNumber(), item -> add(sort, item));
                        long now = System.nanoTime();
                        if (now - lastReport >= PROGRESS_NANOS) {
                            lastReport = now;
                            counts.bytesRead = bytesBefore + file.bytesRead();
                            reportReading(counts, totalBytes, (now - began) / 1e9, sort.spilledRuns());
                        }
                    }
                    bytesBefore += file.bytesRead();
                }
            }
            counts.bytesRead = bytesBefore;
            progress.printf(Locale.ROOT, "import: read %,d lines, sorting %,d events by createdAt%s%n", counts.lines,
                    counts.converted + counts.passed + counts.unmappable,
                    sort.spilledRuns() > 0 ? " (merging " + (sort.spilledRuns() + 1) + " runs from disk)" : "");
            write(sort.sorted(), out, counts);
        }
        progress.printf(Locale.ROOT, "import: %s (%.1f s)%n", counts.summary(), (System.nanoTime() - began) / 1e9);
        return counts;
    }

    /**
     * Whether a file can go to Kafka as it is: plain JSONL whose first record is a contract event.
     * Such a file is a stream someone made in the order they want delivered; anything else is imported.
     */
    public static boolean isPlainContractFile(Path path) throws IOException {
        try (ArchiveFile file = ArchiveFile.open(path)) {
            if (file.compressed()) {
                return false;
            }
            for (String line = readLine(file); line != null; line = readLine(file)) {
                if (!line.isBlank()) {
                    try {
                        return SourceFormat.detect(new ObjectMapper().readTree(line)).orElse(null) == SourceFormat.STAFFROOM;
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        return true; // the job rejects it with its reason, as for any contract file
                    }
                }
            }
            return true;
        }
    }

    private static String readLine(ArchiveFile file) throws IOException {
        try {
            return file.readLine();
        } catch (CharacterCodingException e) {
            throw new IOException(file.path() + " line " + (file.lineNumber() + 1) + " is not UTF-8 text", e);
        }
    }

    private static void add(ExternalSort sort, Item item) {
        try {
            sort.add(item);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write a sort run to " + e.getMessage(), e);
        }
    }

    private void write(Iterator<Item> sorted, Writer out, ImportCounts counts) throws IOException {
        RepostJoin reposts = new RepostJoin(options.repostCache());
        while (sorted.hasNext()) {
            Item item = sorted.next();
            String line = item.json();
            if (item.kind() == Item.Kind.BLUESKY) {
                PostEvent event = json.readValue(line, PostEvent.class);
                PostEvent joined = reposts.join(event);
                if (joined.hashtags != null && !joined.hashtags.isEmpty() && event.retweetOf != null) {
                    counts.repostsJoined++;
                }
                line = json.writeValueAsString(joined);
            }
            out.write(line);
            out.write('\n');
            counts.written++;
        }
        out.flush();
    }

    private void reportReading(ImportCounts counts, long totalBytes, double seconds, int runs) {
        double fraction = totalBytes == 0 ? 1 : Math.min(1.0, (double) counts.bytesRead / totalBytes);
        double left = fraction <= 0 ? 0 : seconds / fraction - seconds;
        progress.printf(Locale.ROOT, "import: %,d lines (%.0f%% of the input), %,.0f lines/s, %,d converted, %,d rejected, "
                        + "%,d not posts, %d sort runs on disk, about %.0f s of reading left%n",
                counts.lines, 100 * fraction, counts.lines / Math.max(seconds, 1e-9), counts.converted + counts.passed,
                counts.unmappable, counts.skippedTotal(), runs, left);
    }
}
