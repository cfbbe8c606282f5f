package org.staffroom.importer;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.staffroom.platforms.SourceFormat;

/** What an import saw and did, for its progress lines and its summary. */
public final class ImportCounts {
    /** Lines of JSON Lines files and top-level values of JSON documents. */
    long records;
    long passed;
    long converted;
    /** Deletion events, converted or passed on. */
    long deletions;
    long unmappable;
    long repostsJoined;
    long written;
    final Map<SourceFormat, Long> byFormat = new EnumMap<>(SourceFormat.class);
    /** Records that are neither posts nor deletions (likes, edits, …), by reason. */
    final Map<String, Long> skipped = new TreeMap<>();

    /** Lines written: events and rejections. */
    public long written() {
        return written;
    }

    long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%,d records read; %,d events written: %,d converted, %,d deletions, %,d already contract events, "
                        + "%,d rejected (unmappable, kept for rejected_posts)", records, written, converted, deletions,
                passed, unmappable));
        if (!byFormat.isEmpty()) {
            s.append("; records by format:");
            byFormat.forEach((f, n) -> s.append(String.format(Locale.ROOT, " %s %,d", f.formatName(), n)));
        }
        if (repostsJoined > 0) {
            s.append(String.format(Locale.ROOT, "; %,d Bluesky reposts took their original's hashtags", repostsJoined));
        }
        if (!skipped.isEmpty()) {
            s.append(String.format(Locale.ROOT, "; %,d records are not posts and were left out:", skippedTotal()));
            skipped.forEach((reason, n) -> s.append(String.format(Locale.ROOT, " %s %,d;", reason, n)));
            s.setLength(s.length() - 1);
        }
        return s.toString();
    }
}
