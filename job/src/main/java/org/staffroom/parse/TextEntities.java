package org.staffroom.parse;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashtags, mentions and links found in a post's text by twitter-text, the extractor the platforms'
 * own clients use (it knows about Unicode hashtags, e-mail addresses that are not mentions, URL
 * punctuation and so on, which hand-written regexes get wrong).
 *
 * <p>Its regular expressions are the job's most expensive step, so a text is scanned once for all
 * three kinds (not once per kind, each of which scans for links again), and not at all when it
 * holds none of the characters an entity needs.
 */
public final class TextEntities {
    private final Extractor extractor = new Extractor();

    /** What one text holds. */
    public static final class Found {
        static final Found NONE = new Found();

        final List<String> hashtags = new ArrayList<>();
        final List<String> mentions = new ArrayList<>();
        final List<String> urls = new ArrayList<>();
        /** Start and end of each link in the text, for removing them. */
        final List<int[]> urlSpans = new ArrayList<>();
    }

    public Found find(String text) {
        if (!mayHoldEntities(text)) {
            return Found.NONE;
        }
        Found found = new Found();
        for (Extractor.Entity e : extractor.extractEntitiesWithIndices(text)) {
            switch (e.getType()) {
                case HASHTAG:
                    found.hashtags.add(e.getValue());
                    break;
                case MENTION:
                    // "@user/list" names a list, not a person
                    if (e.getListSlug() == null || e.getListSlug().isEmpty()) {
                        found.mentions.add(e.getValue());
                    }
                    break;
                case URL:
                    found.urls.add(e.getValue());
                    found.urlSpans.add(new int[] {e.getStart(), e.getEnd()});
                    break;
                default:
                    break;
            }
        }
        return found;
    }

    /** A hashtag needs a '#', a mention an '@', a link (even without http) a dot. */
    private static boolean mayHoldEntities(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '#': case '＃': case '@': case '＠': case '.': case '．': case '。':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * The text with every link removed: the links found in it and the ones the producer listed,
     * since a '?' inside a URL's query string is not a question.
     */
    public static String withoutUrls(String text, Found found, List<String> listedUrls) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        for (int[] span : found.urlSpans) {
            sb.append(text, from, span[0]).append(' ');
            from = span[1];
        }
        sb.append(text, from, text.length());
        String stripped = sb.toString();
        for (String url : listedUrls) {
            if (!url.isEmpty()) {
                stripped = stripped.replace(url, " ");
            }
        }
        return stripped;
    }
}
