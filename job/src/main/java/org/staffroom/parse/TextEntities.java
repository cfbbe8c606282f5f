package org.staffroom.parse;

import com.twitter.twittertext.Extractor;
import java.util.List;

/**
 * Hashtags, mentions and links found in a post's text by twitter-text, the extractor the platforms'
 * own clients use (it knows about Unicode hashtags, e-mail addresses that are not mentions, URL
 * punctuation and so on, which hand-written regexes get wrong).
 */
public final class TextEntities {
    private final Extractor extractor = new Extractor();

    public List<String> hashtags(String text) {
        return extractor.extractHashtags(text);
    }

    public List<String> mentions(String text) {
        return extractor.extractMentionedScreennames(text);
    }

    public List<String> urls(String text) {
        return extractor.extractURLs(text);
    }

    /**
     * The text with every link removed: the links the extractor finds and the ones the producer
     * listed, since a '?' inside a URL's query string is not a question.
     */
    public String withoutUrls(String text, List<String> listedUrls) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        for (Extractor.Entity url : extractor.extractURLsWithIndices(text)) {
            sb.append(text, from, url.getStart());
            sb.append(' ');
            from = url.getEnd();
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
