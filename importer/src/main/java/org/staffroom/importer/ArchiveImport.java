package org.staffroom.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
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
            long bytesBefore = 0;
            Progress reading = new Progress(counts, totalBytes, sort, began);
            for (Path input : inputs) {
                try (ArchiveFile file = ArchiveFile.open(input)) {
                    if (file.isJsonLines()) {
                        for (String line = file.readLine(); line != null; line = file.readLine()) {
                            long number = file.lineNumber();
                            converter.convert(line, () -> input.getFileName() + " line " + number, item -> add(sort, item));
                            reading.update(bytesBefore + file.bytesRead());
                        }
                    } else {
                        readDocument(file, converter, sort, reading, bytesBefore);
                    }
                    bytesBefore += file.bytesRead();
                }
            }
            progress.printf(Locale.ROOT, "import: read %,d records, sorting %,d events by createdAt%s%n", counts.records,
                    counts.converted + counts.deletions + counts.passed + counts.unmappable,
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
            for (String line = file.readLine(); line != null; line = file.readLine()) {
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

    /**
     * A file that is not JSON Lines: a JSON document (an API answer saved with curl, pretty-printed)
     * or several one after another; each top-level value is a record. A syntax error ends the file
     * with its position: unlike lines, values cannot be told apart after one.
     */
    private void readDocument(ArchiveFile file, LineConverter converter, ExternalSort sort, Progress reading,
            long bytesBefore) throws IOException {
        try (JsonParser parser = json.createParser(file.stream())) {
            int value = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonNode record = parser.readValueAsTree();
                value++;
                int number = value;
                long line = parser.currentLocation().getLineNr();
                converter.convert(record, record.toString(),
                        () -> file.path().getFileName() + " value " + number + " (line " + line + ")", item -> add(sort, item));
                reading.update(bytesBefore + file.bytesRead());
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file.path() + " is neither JSON Lines nor JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
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

    /** A line on stderr every two seconds while the archives are read. */
    private final class Progress {
        private final ImportCounts counts;
        private final long totalBytes;
        private final ExternalSort sort;
        private final long began;
        private long lastReport;

        Progress(ImportCounts counts, long totalBytes, ExternalSort sort, long began) {
            this.counts = counts;
            this.totalBytes = totalBytes;
            this.sort = sort;
            this.began = began;
            this.lastReport = began;
        }

        void update(long bytesRead) {
            long now = System.nanoTime();
            if (now - lastReport < PROGRESS_NANOS) {
                return;
            }
            lastReport = now;
            double seconds = (now - began) / 1e9;
            double fraction = totalBytes == 0 ? 1 : Math.min(1.0, (double) bytesRead / totalBytes);
            double left = fraction <= 0 ? 0 : seconds / fraction - seconds;
            progress.printf(Locale.ROOT, "import: %,d records (%.0f%% of the input), %,.0f records/s, %,d converted,"
                            + " %,d rejected, %,d not posts, %d sort runs on disk, about %.0f s of reading left%n",
                    counts.records, 100 * fraction, counts.records / Math.max(seconds, 1e-9), counts.converted + counts.passed,
                    counts.unmappable, counts.skippedTotal(), sort.spilledRuns(), left);
        }
    }
}
