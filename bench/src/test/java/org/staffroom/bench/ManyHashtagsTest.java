package org.staffroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.model.Post;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/** The many-hashtag stream as the job reads it: the generator's posts with 1.6 Zipf-drawn tags each and other authors. */
class ManyHashtagsTest {
    private static final int POSTS = 20_000;
    private static final int AUTHORS = 2_000;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder().seed(42).weeks(1).community(2000).rate(600).build();

    private static List<byte[]> stream(long seed) {
        PostGenerator generator = new PostGenerator(CONFIG);
        ManyHashtags many = new ManyHashtags(5000, AUTHORS, seed);
        List<byte[]> out = new ArrayList<>();
        while (out.size() < POSTS && generator.advance()) {
            out.add(many.apply(generator.current()));
        }
        assertThat(out).hasSize(POSTS);
        return out;
    }

    @Test
    void eachPostCountsForOneOrTwoTagsOfZipfLikePopularityByOneOfTheAuthors() throws Exception {
        PostParser parser = new PostParser(ParserSettings.defaults());
        PostGenerator plain = new PostGenerator(CONFIG);
        Map<String, Integer> uses = new HashMap<>();
        Set<String> authors = new HashSet<>();
        long tags = 0;
        for (byte[] value : stream(7)) {
            Post post = parser.parse(value, Long.MAX_VALUE / 4);
            assertThat(plain.advance()).isTrue();
            assertThat(post.id).isEqualTo(plain.current().id());
            assertThat(post.createdAt).isEqualTo(plain.current().timeMillis());
            assertThat(new String(value, StandardCharsets.UTF_8)).containsPattern("\"createdAt\":\"[-\\dT:]{19}\\.\\d{3}Z\"");
            assertThat(post.authorId).matches("author\\d{1,4}");
            assertThat(Integer.parseInt(post.authorId.substring("author".length()))).isLessThan(AUTHORS);
            authors.add(post.authorId);
            assertThat(post.hashtags.length).isBetween(1, 2);
            assertThat(Arrays.stream(post.hashtags).distinct().count()).isEqualTo(post.hashtags.length);
            for (String tag : post.hashtags) {
                uses.merge(tag, 1, Integer::sum);
            }
            tags += post.hashtags.length;
        }
        assertThat(tags / (double) POSTS).isBetween(1.58, 1.62);
        assertThat(uses).allSatisfy((tag, n) -> assertThat(tag).matches("topic\\d{1,4}"));
        // weight 1/k: the first tag ten times as common as the tenth, twice the second
        assertThat(uses.get("topic0") / (double) uses.get("topic9")).isBetween(8.0, 12.0);
        assertThat(uses.get("topic0") / (double) uses.get("topic1")).isBetween(1.8, 2.2);
        assertThat(uses.size()).as("most of the 5,000 tags are used, most of them rarely").isBetween(3000, 5000);
        assertThat(authors).as("ten posts each on average: nearly every author posts").hasSizeGreaterThan(1990);
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        List<byte[]> a = stream(7);
        List<byte[]> b = stream(7);
        for (int i = 0; i < POSTS; i++) {
            assertThat(b.get(i)).isEqualTo(a.get(i));
        }
        List<byte[]> other = stream(8);
        assertThat(IntStream.range(0, POSTS).filter(i -> !Arrays.equals(other.get(i), a.get(i))).count())
                .as("another seed draws other tags").isGreaterThan(POSTS / 2);
    }

    @Test
    void needsTwoTagsAndAnAuthorToDrawFrom() {
        assertThatThrownBy(() -> new ManyHashtags(1, AUTHORS, 7)).hasMessage("a many-hashtag stream needs at least 2 hashtags, got 1");
        assertThatThrownBy(() -> new ManyHashtags(2, 0, 7)).hasMessage("a many-hashtag stream needs at least 1 author, got 0");
    }
}
