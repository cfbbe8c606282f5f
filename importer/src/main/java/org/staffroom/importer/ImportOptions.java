package org.staffroom.importer;

import java.nio.file.Path;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.SourceFormat;

/**
 * How an archive is read and sorted.
 *
 * @param format      every line's format, or null to detect each line's
 * @param sortRun     events sorted in memory at once; more spill to sorted runs in {@code tempDir}
 * @param tempDir     where sort runs go
 * @param repostCache Bluesky posts whose hashtags are remembered for their reposts
 * @param converters  what the converters cannot learn from the records (the Mastodon server asked)
 */
public record ImportOptions(SourceFormat format, int sortRun, Path tempDir, int repostCache, ConverterOptions converters) {
    public static final int DEFAULT_SORT_RUN = 250_000;
    public static final int DEFAULT_REPOST_CACHE = 1_000_000;

    public ImportOptions {
        if (sortRun < 1) {
            throw new IllegalArgumentException("--sort-run must be at least 1, got " + sortRun);
        }
        if (repostCache < 1) {
            throw new IllegalArgumentException("--repost-cache must be at least 1, got " + repostCache);
        }
    }

    public static ImportOptions defaults(SourceFormat format) {
        return new ImportOptions(format, DEFAULT_SORT_RUN, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_REPOST_CACHE,
                ConverterOptions.defaults());
    }
}
