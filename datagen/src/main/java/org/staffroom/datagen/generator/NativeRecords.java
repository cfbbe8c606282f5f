package org.staffroom.datagen.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.staffroom.platforms.NativeWriter;
import org.staffroom.platforms.NativeWriters;
import org.staffroom.platforms.SourceFormat;

/**
 * Writes the generated posts of one platform as that platform's native records (an X search page
 * per 100 tweets, a Mastodon status or a Jetstream event per line; see {@link NativeWriters}): a
 * post's platform decides its native form, so the posts of the other platforms are left out, and
 * counted. Entities are always marked up, as the platforms do, whether or not the post's producer
 * would send the arrays.
 */
public final class NativeRecords implements PostSink {
    private final SourceFormat format;
    private final String platform;
    private final NativeWriter writer;
    private long written;
    private long leftOut;

    public NativeRecords(SourceFormat format, OutputStream out) {
        this.format = format;
        this.platform = NativeWriters.platform(format);
        this.writer = NativeWriters.forFormat(format,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    @Override
    public void write(GeneratedPost post) throws IOException {
        if (!platform.equals(post.platform())) {
            leftOut++;
            return;
        }
        writer.write(post.toPostEventWithEntities());
        written++;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** What went where, for the closing line. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d %s posts as %s records; %,d posts of other platforms left out",
                written, platform, format.formatName(), leftOut);
    }
}
