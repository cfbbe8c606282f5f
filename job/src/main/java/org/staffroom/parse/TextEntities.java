package org.staffroom.parse;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TldLists;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hashtags, mentions and links found in a post's text by twitter-text, the extractor the platforms'
 * own clients use (it knows about Unicode hashtags, e-mail addresses that are not mentions, URL
 * punctuation and so on, which hand-written regexes get wrong).
 *
 * <p>Its regular expressions were the job's most expensive step (76% of the job's CPU), because
 * they try a match at every position of the text. No entity spans whitespace, and every rule
 * twitter-text applies around one (the character before it, the text after it, overlaps between
 * entities) looks no further than the whitespace that bounds it, so the text is cut at whitespace
 * and only the few words that can hold an entity are given to twitter-text, each with the space
 * before it. The commonest words, a plain {@code #hashtag} (ASCII or full-width) or {@code @handle}
 * with at most one closing punctuation mark and a plain {@code https://host.tld/path?query} link,
 * are read directly: for them the rules reduce to the character checks below.
 * {@code TextEntitiesTest} holds both paths to whole-text twitter-text on generated posts, edge
 * cases and random texts.
 */
public final class TextEntities {
    /** twitter-text's longest screen name. */
    private static final int MAX_HANDLE = 20;
    /** What may follow a plain hashtag or handle in the same word without changing it. */
    private static final String CLOSING_MARKS = ".,!?;:)";
    /** What may follow a plain link in the same word; '?' would start a query. */
    private static final String LINK_CLOSING_MARKS = ".,!;:)";
    /** Longest host and link read directly (DNS: 253 and 63 per label; twitter-text allows more). */
    private static final int MAX_HOST = 253;
    private static final int MAX_LABEL = 63;
    private static final int MAX_LINK = 2000;
    /** The top-level domains twitter-text accepts; a link to any other host is left to it. */
    private static final Set<String> TLDS = topLevelDomains();

    private final Extractor extractor = new Extractor();

    /** What one text holds. */
    public static final class Found {
        static final Found NONE = new Found();

        final List<String> hashtags = new ArrayList<>(4);
        final List<String> mentions = new ArrayList<>(4);
        final List<String> urls = new ArrayList<>(2);
        /** Start and end of each link in the text, for removing them. */
        final List<int[]> urlSpans = new ArrayList<>(2);
    }

    /**
     * The entities of {@code text}; rejects a text that would cost twitter-text more than a post may
     * (see {@link ExtractorBudget}).
     */
    public Found find(String text) throws InvalidPostException {
        Found found = null;
        ExtractorBudget budget = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean mayHold = false;
            while (i < n && !isSpace(text.charAt(i))) {
                mayHold |= mayStartEntity(text, i);
                i++;
            }
            if (mayHold) {
                found = found == null ? new Found() : found;
                budget = budget == null ? new ExtractorBudget() : budget;
                word(text, start, i, found, budget);
            }
        }
        return found == null ? Found.NONE : found;
    }

    /** Characters no entity contains and every entity may follow. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /**
     * A hashtag needs a '#', a mention an '@', a link a dot followed by a letter (its top-level
     * domain, which may be non-Latin).
     */
    private static boolean mayStartEntity(String text, int i) {
        switch (text.charAt(i)) {
            case '#': case '＃': case '@': case '＠':
                return true;
            case '.':
                return i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) >= 0x80);
            default:
                return false;
        }
    }

    private void word(String text, int start, int end, Found found, ExtractorBudget budget)
            throws InvalidPostException {
        char first = text.charAt(start);
        boolean hash = first == '#' || first == '＃';
        int nameEnd = hash ? tagEnd(text, start + 1, end) : first == '@' ? handleEnd(text, start + 1, end) : start;
        boolean plain = nameEnd > start + 1
                && (nameEnd == end || nameEnd == end - 1 && CLOSING_MARKS.indexOf(text.charAt(nameEnd)) >= 0);
        if (plain && hash && hasLetter(text, start + 1, nameEnd)) {
            found.hashtags.add(text.substring(start + 1, nameEnd));
        } else if (plain && first == '@' && nameEnd - start - 1 <= MAX_HANDLE) {
            found.mentions.add(text.substring(start + 1, nameEnd));
        } else if (!plainLink(text, start, end, found)) {
            byTwitterText(text, start, end, found, budget);
        }
    }

    private void byTwitterText(String text, int wordStart, int end, Found found, ExtractorBudget budget)
            throws InvalidPostException {
        // with the space before the word: a regex that may consume one character before an entity
        // must see the same one as in the whole text ("\téx.com" is one link, "éx.com" alone is not)
        int start = wordStart > 0 ? wordStart - 1 : 0;
        String piece = text.substring(start, end);
        budget.charge(piece);
        for (Extractor.Entity e : extractor.extractEntitiesWithIndices(piece)) {
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
                    found.urlSpans.add(new int[] {start + e.getStart(), start + e.getEnd()});
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Reads {@code http(s)://host.tld[/path][?query]} followed by closing marks only, where the
     * host is lower-case ASCII labels ending in a known top-level domain (not t.co, which
     * twitter-text shortens), the path ASCII letters, digits and {@code /_-.=+%~} and the query
     * ASCII letters, digits and {@code =&_-./%+}: there twitter-text's link ends at the last
     * character that may end a path or a query. Anything else (ports, parentheses, '@', '#',
     * upper-case or non-ASCII hosts) is left to twitter-text.
     */
    private static boolean plainLink(String text, int start, int end, Found found) {
        int hostStart = text.startsWith("https://", start) ? start + 8
                : text.startsWith("http://", start) ? start + 7 : -1;
        if (hostStart < 0) {
            return false;
        }
        int hostEnd = hostStart;
        while (hostEnd < end && isHostChar(text.charAt(hostEnd))) {
            hostEnd++;
        }
        while (hostEnd > hostStart && text.charAt(hostEnd - 1) == '.') {
            hostEnd--;
        }
        if (hostEnd - hostStart > MAX_HOST || !knownHost(text, hostStart, hostEnd)) {
            return false;
        }
        int linkEnd = hostEnd;
        int i = hostEnd;
        if (i < end && text.charAt(i) == '/') {
            linkEnd = ++i;
            for (; i < end && isPathChar(text.charAt(i)); i++) {
                linkEnd = endsPath(text.charAt(i)) ? i + 1 : linkEnd;
            }
        }
        // a query only counts right after the link so far (not after "/x.." that the link does not take)
        if (i < end && i == linkEnd && text.charAt(i) == '?') {
            int queryEnd = -1;
            int j = i + 1;
            for (; j < end && isQueryChar(text.charAt(j)); j++) {
                queryEnd = endsQuery(text.charAt(j)) ? j + 1 : queryEnd;
            }
            if (queryEnd > 0) {
                linkEnd = queryEnd;
                i = j;
            }
        }
        for (; i < end; i++) {
            if (LINK_CLOSING_MARKS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        if (linkEnd - start > MAX_LINK) {
            return false;
        }
        found.urls.add(text.substring(start, linkEnd));
        found.urlSpans.add(new int[] {start, linkEnd});
        return true;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    private static boolean isPathChar(char c) {
        return isAsciiAlnum(c) || "/_-.=+%~".indexOf(c) >= 0;
    }

    private static boolean endsPath(char c) {
        return isAsciiAlnum(c) || "/_-=+".indexOf(c) >= 0;
    }

    private static boolean isQueryChar(char c) {
        return isAsciiAlnum(c) || "=&_-./%+".indexOf(c) >= 0;
    }

    private static boolean endsQuery(char c) {
        return isAsciiAlnum(c) || "-_&=/".indexOf(c) >= 0;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Two or more labels of [a-z0-9-] not starting or ending with '-', the last a known TLD. */
    private static boolean knownHost(String text, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > MAX_LABEL
                        || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i < to) {
                    labelStart = i + 1;
                }
            }
        }
        String tld = text.substring(labelStart, to);
        return labels >= 2 && TLDS.contains(tld) && !(labels == 2 && text.startsWith("t.co", from) && to - from == 4);
    }

    private static Set<String> topLevelDomains() {
        Set<String> tlds = new HashSet<>(TldLists.GTLDS);
        tlds.addAll(TldLists.CTLDS);
        return tlds;
    }

    /** End of the run of [A-Za-z0-9_] from {@code from}: a screen name. */
    private static int handleEnd(String text, int from, int end) {
        int i = from;
        while (i < end && (isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** End of the run of ASCII or full-width letters and digits, or '_', from {@code from}. */
    private static int tagEnd(String text, int from, int end) {
        int i = from;
        while (i < end && (isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '_' || isFullWidthAlnum(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Ｆｕｌｌ-ｗｉｄｔｈ letters and digits, which some clients type and twitter-text reads as a hashtag's. */
    private static boolean isFullWidthAlnum(char c) {
        return c >= '０' && c <= '９' || isFullWidthLetter(c);
    }

    private static boolean isFullWidthLetter(char c) {
        return c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
    }

    private static boolean hasLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isFullWidthLetter(c)) {
                return true;
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
