package org.staffroom.parse;

import com.twitter.twittertext.Regex;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What twitter-text may spend on one post's text. Its patterns try a match at every position and
 * backtrack over long runs of host-like characters, each step trying some 1,500 top-level domains:
 * a 25,000-character text such as {@code ".a.a.a…"} would take hours, and a link path of a thousand
 * {@code "(a)"} groups overflows the stack (the pattern recurses once per group). So before a word
 * reaches twitter-text, its patterns first run here over a text that counts every character they
 * read, and a post whose words need more than {@link #MAX_STEPS} in all is rejected. Real posts need
 * about 2,000 steps per word that is not read directly (a link with a fragment or a
 * parenthesis, "e.g."), so the budget holds over a hundred of them.
 */
final class ExtractorBudget {
    /**
     * Steps (characters read by the patterns) per post: at the slowest pattern's pace (the hashtag
     * pattern, some 250 ns a step) 65 ms, and as much again for twitter-text itself.
     */
    static final long MAX_STEPS = 250_000;
    /**
     * Parentheses in one word: the link pattern recurses once per balanced pair, and a thousand
     * overflow a thread's stack. Real links hold one or two pairs.
     */
    static final int MAX_PARENTHESES_PER_WORD = 64;

    private long steps;

    /** Charges the work twitter-text does on {@code piece}; throws once the post is over its budget. */
    void charge(String piece) throws InvalidPostException {
        int parentheses = count(piece, '(');
        if (parentheses > MAX_PARENTHESES_PER_WORD) {
            throw new InvalidPostException(String.format(
                    "text: a word with %,d '(', more than the limit of %,d per word that may hold a link",
                    parentheses, MAX_PARENTHESES_PER_WORD));
        }
        CountedText counted = new CountedText(piece, MAX_STEPS - steps);
        try {
            // the patterns twitter-text's extractEntitiesWithIndices runs, each behind the same shortcut;
            // for every match it reads the rest of the text again (or the link's host, for a link)
            if (piece.indexOf('.') >= 0) {
                run(Regex.VALID_URL, counted, false);
            }
            if (piece.indexOf('#') >= 0 || piece.indexOf('＃') >= 0) {
                run(Regex.VALID_HASHTAG, counted, true);
            }
            if (piece.indexOf('@') >= 0 || piece.indexOf('＠') >= 0) {
                run(Regex.VALID_MENTION_OR_LIST, counted, true);
            }
            run(Regex.VALID_CASHTAG, counted, false);
        } catch (CountedText.OverBudget e) {
            throw new InvalidPostException(String.format("text: finding its links, hashtags and mentions takes more "
                    + "than %,d steps of the entity extractor, the limit per post", MAX_STEPS));
        } catch (StackOverflowError e) {
            // a backstop only: the parenthesis limit keeps the known recursion shallow
            throw new InvalidPostException("text: nested too deeply for the entity extractor");
        }
        steps += counted.steps;
    }

    private static void run(Pattern pattern, CountedText text, boolean readsRest) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            text.add(readsRest ? text.length() - m.end() : m.end() - m.start());
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** A text that counts the characters read from it, and stops the reader past a limit. */
    private static final class CountedText implements CharSequence {
        /** Thrown to end a match early; without a stack trace, as it is no error. */
        static final class OverBudget extends RuntimeException {
            OverBudget() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long limit;
        long steps;

        CountedText(String text, long limit) {
            this.text = text;
            this.limit = limit;
        }

        void add(long n) {
            steps += n;
            if (steps > limit) {
                throw new OverBudget();
            }
        }

        @Override
        public char charAt(int index) {
            add(1);
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
