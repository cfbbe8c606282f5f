package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.PostGenerator;

/**
 * {@link TextEntities} reads a text word by word and the plain words itself; whatever it does must
 * find exactly what twitter-text finds when given the whole text at once.
 */
class TextEntitiesTest {
    private final TextEntities entities = new TextEntities();
    private final Extractor extractor = new Extractor();

    @Test
    void findsTheEntitiesOfAnEducatorsPost() throws InvalidPostException {
        TextEntities.Found f = entities.find(
                "RT @WardKS2: Worth a read, h/t @Deputy_Head. https://eef.org.uk/toolkit?x=1 #SLTchat, #edchat");
        assertThat(f.hashtags).containsExactly("SLTchat", "edchat");
        assertThat(f.mentions).containsExactly("WardKS2", "Deputy_Head");
        assertThat(f.urls).containsExactly("https://eef.org.uk/toolkit?x=1");
    }

    @Test
    void agreesWithWholeTextExtractionOnEdgeCases() throws InvalidPostException {
        String[] texts = {
            "", " ", "#", "@", ".", "#1", "#_a", "#a_1", "#tag#other", "#tag/x", "#tag://x", "#tag:",
            "@a", "@abcdefghijklmnopqrstu", "@abcdefghijklmnopqrst", "@abcdefghijklmnopqrstuv:",
            "@user/list", "@user/list x", "RT@user", "rt:@user", "x.RT@user", "me@school.org",
            "email me@school.org.", "a@b", "@user@other", "@useré", "@user://x", "#tagé", "#tag\uFE0F",
            "#\uFE0Ftag", "#\u20E3", "＃全角", "＠someone", "#ＵＫＥｄＣｈａｔ", "#über", "#дети", "#中文",
            "&#39;", "a#tag", "_#tag", "(#tag)", "\"#tag\"", "#tag.", "#tag..", "#tag.com", "#tag.co.uk/x",
            "eef.org.uk", "www.eef.org.uk/a_(b)", "t.co/abc", "https://t.co/abcdefghij", "http://x.com/a.",
            "http://x.com/a?b=1&c=2.", "http://x.com?q=what?", "see example.com?", "1.5", "e.g.", "U.K.",
            "i.e. this", "x.y", "a.b.c.d", "https://例子.测试", "https://xn--fsqu00a.xn--0zwm56d", "bbc.co.uk",
            "$AAPL #tag", "$AAPL@x", "@x$AAPL", "http://@x.com", "http://x.com/@user/", "x.com/#tag",
            "https://school.org/#/page @head", "tab\t#tag\nnew\r@user", "a\u00A0#tag\u3000@user",
            "#tag\u200B#other", "ünïcode.com", "ünïcode.de/path", "-x.com", "_x.com", "/x.com", ".x.com",
            "http://x.com:8080/p", "#tag?", "@user?", "Question? https://x.com/?a=b", "…#tag", "#tag…",
            "x.…", "#a,@b,c.com", "@@user", "##tag", "#@user", "@#tag", "RT: @user: #tag!",
        };
        for (String text : texts) {
            assertSame(text);
        }
    }

    @Test
    void agreesWithWholeTextExtractionOnGeneratedPosts() throws InvalidPostException {
        PostGenerator generator = new PostGenerator(
                GeneratorConfig.builder().seed(7).weeks(2).community(3000).rate(2000).build());
        int n = 0;
        while (n < 20_000 && generator.advance()) {
            String text = generator.current().text();
            if (text != null) {
                assertSame(text);
                n++;
            }
        }
        assertThat(n).isEqualTo(20_000);
    }

    @Test
    void agreesWithWholeTextExtractionOnRandomTexts() throws InvalidPostException {
        String[] pieces = {
            "#", "＃", "@", "＠", ".", "/", ":", "//", "?", "(", ")", "_", "-", "$", "&", "'", ",", "!",
            " ", " ", " ", "\n", "\t", "\u00A0", "\u3000", "\uFE0F", "\u20E3", "\u200B",
            "http://", "https://", "www.", ".com", ".co.uk", ".org", ".uk", "t.co/", "xn--", ".xn--p1ai",
            "RT", "rt", "a", "Z", "9", "é", "ü", "д", "中", "edchat", "user_name", "abcdefghijklmnopqrstu",
            "ｅｄｃｈａｔ", "Ａ", "５", "＿",
        };
        Random random = new Random(2026);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder sb = new StringBuilder();
            int count = 1 + random.nextInt(16);
            for (int i = 0; i < count; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSame(sb.toString());
        }
    }

    @Test
    void agreesWithWholeTextExtractionOnRandomLinks() throws InvalidPostException {
        String[] starts = {"https://", "http://", "HTTPS://", "https:/", "(https://", "", "www."};
        String[] labels = {"eef", "www", "school-trust", "a", "x1", "-x", "x-", "ünï", "t", "co", "_x", "Xy", ""};
        String[] tlds = {".com", ".org", ".uk", ".co.uk", ".academy", ".example", ".comm", ".co", ".xn--p1ai",
            ".онлайн", ".", ""};
        String[] paths = {"", "/", "/a", "/a-b_c", "/A.B", "/x.", "/x..", "/~x", "/%20", "/a,b", "/(a)", "/a?b=1",
            "/#x", "/@u/", "/a/b/", ":8080/x", "?q=1", "/a=", "/a+", "/a%20b", "/~x", "/a=b+c", "?v=Gn5k_-",
            "?a=b&c=d", "?x=1.", "?%20", "?a+b", "?", "?.", "??", "?a=1?b", "?a/b/", "?a,b", "?(a)", "?a#b"};
        String[] ends = {"", ".", ",", "!", "?", ")", ":", ";", "...", ".)", "#tag", "@x", "'", "?!", ".?"};
        Random random = new Random(11);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "see " : "");
            sb.append(starts[random.nextInt(starts.length)]);
            for (int i = random.nextInt(3); i >= 0; i--) {
                sb.append(labels[random.nextInt(labels.length)]).append(i > 0 ? "." : "");
            }
            sb.append(tlds[random.nextInt(tlds.length)]);
            for (int i = random.nextInt(3); i > 0; i--) {
                sb.append(paths[random.nextInt(paths.length)]);
            }
            sb.append(ends[random.nextInt(ends.length)]);
            assertSame(sb.append(random.nextBoolean() ? " #edchat" : "").toString());
        }
    }

    private void assertSame(String text) throws InvalidPostException {
        TextEntities.Found actual = entities.find(text);
        Expected expected = wholeText(text);
        assertThat(actual.hashtags).as("hashtags of [%s]", text).isEqualTo(expected.hashtags);
        assertThat(actual.mentions).as("mentions of [%s]", text).isEqualTo(expected.mentions);
        assertThat(actual.urls).as("urls of [%s]", text).isEqualTo(expected.urls);
        List<String> spans = new ArrayList<>();
        actual.urlSpans.forEach(s -> spans.add(s[0] + "-" + s[1]));
        assertThat(spans).as("url spans of [%s]", text).isEqualTo(expected.spans);
    }

    private record Expected(List<String> hashtags, List<String> mentions, List<String> urls, List<String> spans) {}

    private Expected wholeText(String text) {
        Expected e = new Expected(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Extractor.Entity entity : extractor.extractEntitiesWithIndices(text)) {
            switch (entity.getType()) {
                case HASHTAG -> e.hashtags.add(entity.getValue());
                case MENTION -> {
                    if (entity.getListSlug() == null || entity.getListSlug().isEmpty()) {
                        e.mentions.add(entity.getValue());
                    }
                }
                case URL -> {
                    e.urls.add(entity.getValue());
                    e.spans.add(entity.getStart() + "-" + entity.getEnd());
                }
                default -> { }
            }
        }
        return e;
    }
}
