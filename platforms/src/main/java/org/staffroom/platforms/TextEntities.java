package org.staffroom.platforms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a post's hashtags, mentions and links stand in its text, which every platform's record
 * marks up (X by code point, Bluesky by UTF-8 byte, Mastodon as HTML anchors). Each entity of the
 * event's arrays is looked for after the previous one of its kind, as a whole word: {@code #tag}
 * (or full-width {@code ＃tag}), {@code @handle}, or the link itself.
 */
public final class TextEntities {
    /** What an entity is; its {@code value} is the tag without its sign, the handle without {@code @}, the link. */
    public enum Kind { HASHTAG, MENTION, URL }

    /**
     * One entity: {@code start} and {@code end} are char indexes in the text; {@code sign} is how
     * the text writes it before the value ({@code #}, {@code ＃}, {@code @} or nothing for a link).
     */
    public record Span(Kind kind, String value, String sign, int start, int end) {}

    private static final String[] HASH_SIGNS = {"#", "\uFF03"};

    private TextEntities() {}

    /** The entities of {@code post} in text order; a listed entity that its text does not hold is refused. */
    public static List<Span> of(PostEvent post) {
        String text = post.text == null ? "" : post.text;
        List<Span> spans = new ArrayList<>();
        int from = 0;
        for (String tag : list(post.hashtags)) {
            String bare = withoutSign(tag);
            Span span = find(post, text, Kind.HASHTAG, bare, HASH_SIGNS, from);
            spans.add(span);
            from = span.end;
        }
        from = 0;
        for (String mention : list(post.mentions)) {
            String bare = mention.startsWith("@") ? mention.substring(1) : mention;
            Span span = find(post, text, Kind.MENTION, bare, new String[] {"@"}, from);
            spans.add(span);
            from = span.end;
        }
        from = 0;
        for (String url : list(post.urls)) {
            Span span = find(post, text, Kind.URL, url, new String[] {""}, from);
            spans.add(span);
            from = span.end;
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    /** A hashtag without its leading {@code #} or {@code ＃}. */
    public static String withoutSign(String tag) {
        return tag.startsWith("#") || tag.startsWith("\uFF03") ? tag.substring(1) : tag;
    }

    /** The code points before char index {@code index}: X's entity offsets. */
    public static int codePoints(String text, int index) {
        return text.codePointCount(0, index);
    }

    /** The UTF-8 bytes before char index {@code index}: Bluesky's facet offsets. */
    public static int utf8Bytes(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Span find(PostEvent post, String text, Kind kind, String value, String[] signs, int from) {
        int best = -1;
        String bestSign = null;
        for (String sign : signs) {
            String written = sign + value;
            for (int at = text.indexOf(written, from); at >= 0; at = text.indexOf(written, at + 1)) {
                if (kind == Kind.URL || wholeWord(text, at, at + written.length())) {
                    if (best < 0 || at < best) {
                        best = at;
                        bestSign = sign;
                    }
                    break;
                }
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("post " + post.id + ": " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " '" + value + "' is not in its text after char " + from);
        }
        return new Span(kind, value, bestSign, best, best + bestSign.length() + value.length());
    }

    private static boolean wholeWord(String text, int start, int end) {
        return (start == 0 || !wordChar(text.codePointBefore(start)))
                && (end == text.length() || !wordChar(text.codePointAt(end)));
    }

    private static boolean wordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
