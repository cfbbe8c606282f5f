package org.staffroom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.staffroom.datagen.generator.GeneratedPost;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * The job's hot spot alone: one thread parsing the generator's mix with the job's parser, the
 * way each source reader does. Prints posts per second of wall time and of the thread's CPU time
 * (robust to other processes on shared cores); arguments: how many posts (default 300,000), and
 * {@code hashtags} for the bounded runs' many-hashtag stream instead of the generator's mix.
 */
public final class ParserBenchmark {
    /** CPU time of the thread: robust to other processes on shared cores, unlike wall time. */
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ParserBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        PostGenerator generator = new PostGenerator(
                GeneratorConfig.builder().seed(42).weeks(52).community(20_000).rate(12_000).build());
        Function<GeneratedPost, byte[]> encode = args.length > 1 && args[1].equals("hashtags")
                ? new ManyHashtags(5000, 50_000, 42) : JsonLines::toBytes;
        List<byte[]> posts = new ArrayList<>(n);
        while (posts.size() < n && generator.advance()) {
            posts.add(encode.apply(generator.current()));
        }
        PostParser parser = new PostParser(ParserSettings.defaults());
        long now = System.currentTimeMillis();
        long accepted = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long cpuStart = THREAD.getCurrentThreadCpuTime();
            accepted = 0;
            for (byte[] post : posts) {
                accepted += parser.read(post, "bench", 0, 0, now).post != null ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREAD.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%s %,d posts in %.2f s: %,.0f posts/s, %,.0f per CPU second (%,d accepted)%n",
                    round == 0 ? "warm-up " : "measured", posts.size(), seconds, posts.size() / seconds,
                    posts.size() / cpuSeconds, accepted);
        }
    }
}
