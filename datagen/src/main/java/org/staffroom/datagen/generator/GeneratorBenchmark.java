package org.staffroom.datagen.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How fast posts are generated and written as JSON lines to a file:
 * {@code java -cp … org.staffroom.datagen.generator.GeneratorBenchmark [posts] [file]}
 * (default 2,000,000 posts to a temporary file, deleted afterwards).
 *
 * <p>The stream is a busy one, so that the chats and every kind of post are in the mix: 20,000
 * educators, 12,000 background posts an hour, about a week of event time per two million posts.
 * A first, shorter pass warms the JIT up and is reported separately.
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {}

    public static void main(String[] args) throws IOException {
        long posts = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("staffroom-datagen-bench-", ".jsonl");
        boolean temporary = args.length <= 1;
        GeneratorConfig config = GeneratorConfig.builder()
                .seed(42).start(LocalDate.of(2025, 1, 6)).weeks(52).community(20_000).rate(12_000).build();
        try {
            report("warm-up", run(config, Math.min(posts, 500_000), file));
            Result r = run(config, posts, file);
            report("measured", r);
            System.out.printf(Locale.ROOT, "file: %s (%,d bytes)%n", file, Files.size(file));
        } finally {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    private record Result(long posts, long bytes, long nanos, long eventMillis) {}

    private static Result run(GeneratorConfig config, long posts, Path file) throws IOException {
        long begin = System.nanoTime();
        PostGenerator generator = new PostGenerator(config); // building the community is part of the cost
        long written = 0;
        long bytes;
        try (OutputStream os = Files.newOutputStream(file); JsonLines out = new JsonLines(os)) {
            while (written < posts && generator.advance()) {
                out.write(generator.current());
                written++;
            }
            out.flush();
            bytes = out.bytes();
        }
        long nanos = System.nanoTime() - begin;
        long eventSpan = written == 0 ? 0 : generator.current().timeMillis() - generator.startMillis();
        return new Result(written, bytes, nanos, eventSpan);
    }

    private static void report(String label, Result r) {
        double seconds = r.nanos / 1e9;
        System.out.printf(Locale.ROOT,
                "%-8s %,d posts in %.2f s: %,.0f posts/s, %.1f MB/s, %.0f bytes/post, %.1f days of event time%n",
                label, r.posts, seconds, r.posts / seconds, r.bytes / seconds / 1e6,
                (double) r.bytes / Math.max(1, r.posts), r.eventMillis / 86_400_000.0);
    }
}
