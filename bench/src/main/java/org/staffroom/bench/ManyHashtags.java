package org.staffroom.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.staffroom.datagen.generator.GeneratedPost;
import org.staffroom.platforms.PostEvent;

/**
 * The generator's posts with other hashtags and authors, like an archive of many hashtags: each
 * post gets one or two (1.6 on average) of {@code hashtags} distinct tags, the k-th most popular
 * drawn with weight 1/k (Zipf), so that most (hashtag, author) pairs are rare, and an author drawn
 * uniformly from {@code authors} (the generator's community has fewer than such an archive);
 * {@code createdAt} has milliseconds, as X's and Bluesky's records have. The tags go in the
 * {@code hashtags} array, which the job reads instead of the text. Seeded: the same posts each time.
 */
final class ManyHashtags implements Function<GeneratedPost, byte[]> {
    private static final double SECOND_TAG = 0.6;
    private static final DateTimeFormatter WITH_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final double[] cumulative;
    private final int authors;
    private final SplittableRandom random;

    ManyHashtags(int hashtags, int authors, long seed) {
        if (hashtags < 2) {
            throw new IllegalArgumentException("a many-hashtag stream needs at least 2 hashtags, got " + hashtags);
        }
        if (authors < 1) {
            throw new IllegalArgumentException("a many-hashtag stream needs at least 1 author, got " + authors);
        }
        this.authors = authors;
        cumulative = new double[hashtags];
        double sum = 0;
        for (int k = 1; k <= hashtags; k++) {
            sum += 1.0 / k;
            cumulative[k - 1] = sum;
        }
        random = new SplittableRandom(seed);
    }

    @Override
    public byte[] apply(GeneratedPost post) {
        PostEvent e = post.toPostEvent();
        String author = "author" + random.nextInt(authors);
        e.author = new PostEvent.Author(author, author, e.author.followers);
        e.createdAt = WITH_MILLIS.format(Instant.ofEpochMilli(post.timeMillis()));
        int first = draw();
        if (random.nextDouble() < SECOND_TAG) {
            int second;
            do {
                second = draw();
            } while (second == first);
            e.hashtags = List.of(tag(first), tag(second));
        } else {
            e.hashtags = List.of(tag(first));
        }
        return e.toBytes();
    }

    /** A rank from 0 (the most popular) with probability proportional to 1/(rank + 1). */
    private int draw() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return i >= 0 ? i : -i - 1;
    }

    private static String tag(int rank) {
        return "topic" + rank;
    }
}
