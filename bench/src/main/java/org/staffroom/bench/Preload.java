package org.staffroom.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.staffroom.datagen.generator.GeneratedPost;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.model.ParticipantKey;
import org.staffroom.model.Post;
import org.staffroom.parse.InvalidPostException;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * Writes N posts of the generator's realistic mix into a topic, spread round-robin over its
 * partitions (so every partition is in event-time order), through datagen's batching producer.
 *
 * <p>The first {@code counted} posts — the input of the state runs — also go to a second topic
 * when that is not the whole input, and a second thread parses them with the job's own parser to
 * count what the state is keyed by: distinct (hashtag, participant) pairs, participants (platform,
 * author id) and hashtags. (The
 * parser costs as much as the job's, so only the state runs' input is counted.)
 */
final class Preload {
    private static final int BATCH = 4096;
    private static final int CURVE_STEP = 1000;
    private static final byte[][] END = new byte[0][];

    private Preload() {}

    /**
     * @param counted posts parsed for the counts (the state runs' input)
     * @param pairsCurve distinct pairs after every 1,000 counted posts
     */
    record Result(long posts, long bytes, double seconds, long firstEventMillis, long lastEventMillis,
            long counted, long pairs, long authors, long hashtags, long withoutHashtags, long unreadable,
            long[] pairsCurve) {
        double eventDays() {
            return (lastEventMillis - firstEventMillis) / 86_400_000.0;
        }

        double postsPerSecond() {
            return posts / seconds;
        }

        /** Distinct (hashtag, author) pairs in the first {@code n} counted posts (to the 1,000 below). */
        long pairsAfter(long n) {
            if (n >= counted) {
                return pairs;
            }
            int step = (int) (n / CURVE_STEP);
            return step == 0 ? 0 : pairsCurve[Math.min(step, pairsCurve.length) - 1];
        }
    }

    /** The generator's settings for about {@code posts} posts: enough weeks at {@code rate} posts an hour. */
    static GeneratorConfig generatorConfig(long posts, long seed, int community, double rate) {
        // the background rate averages over the day; chats and debuts add a little
        double perWeek = Math.max(1, rate * 24 * 7 * 0.9);
        int weeks = (int) Math.min(GeneratorConfig.MAX_WEEKS, Math.max(1, Math.ceil(posts / perWeek) + 1));
        return GeneratorConfig.builder().seed(seed).weeks(weeks).community(community).rate(rate).build();
    }

    /**
     * @param prefixTopic the topic that also receives the first {@code counted} posts, or null
     * @param counted how many of the first posts to count (0 for none)
     */
    static Result run(String bootstrapServers, String topic, String prefixTopic, long counted, long posts,
            GeneratorConfig config) throws Exception {
        return run(bootstrapServers, topic, prefixTopic, counted, posts, config, JsonLines::toBytes);
    }

    /** @param encode the record value of each generated post */
    static Result run(String bootstrapServers, String topic, String prefixTopic, long counted, long posts,
            GeneratorConfig config, Function<GeneratedPost, byte[]> encode) throws Exception {
        BlockingQueue<byte[][]> toCount = new ArrayBlockingQueue<>(64);
        PairCounter counter = new PairCounter(toCount, (int) (counted / CURVE_STEP));
        Thread counting = new Thread(counter, "bench-pair-counter");
        counting.setDaemon(true);
        counting.start();

        long started = System.nanoTime();
        long written = 0;
        long bytes = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        KafkaEventWriter prefixWriter = prefixTopic == null ? null
                : new KafkaEventWriter(bootstrapServers, prefixTopic, "none", KafkaEventWriter.Partitioning.ROUND_ROBIN);
        try (KafkaEventWriter writer = new KafkaEventWriter(bootstrapServers, topic, "none",
                KafkaEventWriter.Partitioning.ROUND_ROBIN)) {
            PostGenerator generator = new PostGenerator(config);
            byte[][] batch = new byte[BATCH][];
            int inBatch = 0;
            while (written < posts && generator.advance()) {
                GeneratedPost post = generator.current();
                byte[] value = encode.apply(post);
                writer.send(null, value);
                if (written < counted) {
                    if (prefixWriter != null) {
                        prefixWriter.send(null, value);
                    }
                    batch[inBatch++] = value;
                    if (inBatch == BATCH) {
                        toCount.put(batch);
                        batch = new byte[BATCH][];
                        inBatch = 0;
                    }
                }
                if (first == Long.MIN_VALUE) {
                    first = post.timeMillis();
                }
                last = post.timeMillis();
                bytes += value.length;
                written++;
                if (written % 500_000 == 0) {
                    Console.progress(String.format("  %,d posts written", written));
                }
            }
            if (inBatch > 0) {
                toCount.put(Arrays.copyOf(batch, inBatch));
            }
            writer.finish();
            if (prefixWriter != null) {
                prefixWriter.finish();
            }
        } finally {
            if (prefixWriter != null) {
                prefixWriter.close();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        toCount.put(END);
        counting.join(TimeUnit.MINUTES.toMillis(30));
        if (counter.failure != null) {
            throw new IllegalStateException("counting the pairs failed", counter.failure);
        }
        return new Result(written, bytes, seconds, first, last, Math.min(counted, written), counter.pairs.size(),
                counter.authors.size(), counter.hashtags.size(), counter.withoutHashtags, counter.unreadable,
                counter.curve);
    }

    /** Parses posts as the job does and keeps the distinct keys of its per-(hashtag, author) state. */
    private static final class PairCounter implements Runnable {
        private final BlockingQueue<byte[][]> in;
        private final PostParser parser = new PostParser(ParserSettings.defaults());
        final Set<String> pairs = new HashSet<>(1 << 16);
        final Set<String> authors = new HashSet<>();
        final Set<String> hashtags = new HashSet<>();
        final long[] curve;
        long withoutHashtags;
        long unreadable;
        long seen;
        volatile Throwable failure;

        PairCounter(BlockingQueue<byte[][]> in, int steps) {
            this.in = in;
            this.curve = new long[Math.max(0, steps)];
        }

        @Override
        public void run() {
            try {
                while (true) {
                    byte[][] batch = in.take();
                    if (batch == END) {
                        return;
                    }
                    for (byte[] value : batch) {
                        count(value);
                        seen++;
                        if (seen % CURVE_STEP == 0 && seen / CURVE_STEP <= curve.length) {
                            curve[(int) (seen / CURVE_STEP) - 1] = pairs.size();
                        }
                    }
                }
            } catch (Throwable t) {
                failure = t;
                // keep draining so the writer never blocks on a full queue
                try {
                    while (in.take() != END) {
                        // drop
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void count(byte[] value) {
            Post post;
            try {
                // read "now" far after every generated post: nothing is rejected as too new
                post = parser.parse(value, Long.MAX_VALUE / 4);
            } catch (InvalidPostException e) {
                unreadable++;
                return;
            }
            if (post.hashtags.length == 0) {
                withoutHashtags++;
                return;
            }
            String participant = ParticipantKey.of(post);
            authors.add(participant);
            for (String tag : post.hashtags) {
                hashtags.add(tag);
                pairs.add(tag + '\u0000' + participant);
            }
        }
    }
}
