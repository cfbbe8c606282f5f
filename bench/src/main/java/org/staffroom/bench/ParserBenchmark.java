package org.staffroom.bench;

import java.util.ArrayList;
import java.util.List;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * The job's hot spot alone: one thread parsing the generator's mix with the job's parser, the
 * way each source reader does. Prints posts/s; argument: how many posts (default 300,000).
 */
public final class ParserBenchmark {
    private ParserBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        PostGenerator generator = new PostGenerator(
                GeneratorConfig.builder().seed(42).weeks(52).community(20_000).rate(12_000).build());
        List<byte[]> posts = new ArrayList<>(n);
        while (posts.size() < n && generator.advance()) {
            posts.add(JsonLines.toBytes(generator.current()));
        }
        PostParser parser = new PostParser(ParserSettings.defaults());
        long now = System.currentTimeMillis();
        long accepted = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            accepted = 0;
            for (byte[] post : posts) {
                accepted += parser.read(post, "bench", 0, 0, now).post != null ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s %,d posts in %.2f s: %,.0f posts/s (%,d accepted)%n",
                    round == 0 ? "warm-up " : "measured", posts.size(), seconds, posts.size() / seconds, accepted);
        }
    }
}
