package org.staffroom.datagen.replay;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.staffroom.platforms.PostEvent;

/** Post events of about 300 bytes, in event-time order, for tests and the benchmark. */
final class SyntheticPosts {
    static final Instant START = Instant.parse("2025-01-09T20:00:00Z");
    private static final String[] TAGS = {"UKEdChat", "SLTchat", "primedchat", "edchat", "research", "CPD"};
    private static final String[] WORDS = {"feedback", "retrieval", "practice", "curriculum", "reading",
        "behaviour", "assessment", "leadership", "coaching", "workload", "evidence", "questioning",
        "oracy", "phonics", "maths", "inclusion", "wellbeing", "teachers", "pupils", "school"};

    private SyntheticPosts() {}

    /** The {@code i}-th post: event time {@code START + i × gap ± jitter} (never decreasing). */
    static List<String> lines(int n, long seed, long gapMillis) {
        List<String> out = new ArrayList<>(n);
        SplittableRandom random = new SplittableRandom(seed);
        long t = START.toEpochMilli();
        for (int i = 0; i < n; i++) {
            t += gapMillis == 0 ? 0 : random.nextLong(2 * gapMillis + 1);
            out.add(post(i, t, random));
        }
        return out;
    }

    /** Writes {@code n} posts to {@code file}; returns the file. */
    static Path write(Path file, int n, long seed, long gapMillis) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long t = START.toEpochMilli();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < n; i++) {
                t += gapMillis == 0 ? 0 : random.nextLong(2 * gapMillis + 1);
                out.write(post(i, t, random).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        return file;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        return file;
    }

    static String post(int i, long t, SplittableRandom random) {
        int author = random.nextInt(50_000);
        StringBuilder text = new StringBuilder(160);
        int words = 10 + random.nextInt(8);
        for (int w = 0; w < words; w++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        text.append('#').append(TAGS[random.nextInt(TAGS.length)]);
        if (random.nextInt(3) == 0) {
            text.append(" @teacher").append(random.nextInt(50_000));
        }
        if (random.nextInt(4) == 0) {
            text.append(" https://eef.org.uk/r/").append(random.nextInt(10_000));
        }
        if (random.nextInt(5) == 0) {
            text.append(" what do you think?");
        }
        PostEvent e = PostEvent.of(String.valueOf(1_000_000 + i), Instant.ofEpochMilli(t).toString(), "a" + author)
                .platform("twitter")
                .handle("teacher" + author)
                .followers(random.nextInt(20_000))
                .text(text.toString());
        e.lang = "en";
        return e.toJson();
    }
}
