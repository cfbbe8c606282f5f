package org.staffroom.datagen.generator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A hashtag and the ways people write it. The job normalises all of them to one hashtag (contract
 * §2: NFKC, one leading {@code #} or {@code ＃} stripped, lower case), so the stream carries the
 * spellings real posts have: mostly as the community spells it ({@code #UKEdChat}), often in lower
 * case, sometimes shouted, rarely in full-width characters from a CJK keyboard.
 */
final class Tag {
    static final int CANONICAL = 0;
    static final int LOWER = 1;
    static final int UPPER = 2;
    static final int FULL_WIDTH = 3;

    static final byte[] HASH = {'#'};
    static final byte[] FULL_WIDTH_HASH = ByteText.utf8("\uFF03");

    final String canonical;
    /** What the job makes of every spelling (for tests and summaries). */
    final String normalised;
    private final byte[][] written;

    Tag(String canonical) {
        this.canonical = canonical;
        this.normalised = canonical.toLowerCase(Locale.ROOT);
        this.written = new byte[][] {
            ByteText.utf8(canonical),
            ByteText.utf8(normalised),
            ByteText.utf8(canonical.toUpperCase(Locale.ROOT)),
            ByteText.utf8(fullWidth(canonical)),
        };
    }

    byte[] written(int variant) {
        return written[variant];
    }

    /** 82% as the community spells it, 12% lower case, 4.5% upper case, 1.5% full-width. */
    static int pickVariant(SplittableRandom random) {
        int u = random.nextInt(1000);
        if (u < 820) {
            return CANONICAL;
        }
        if (u < 940) {
            return LOWER;
        }
        if (u < 985) {
            return UPPER;
        }
        return FULL_WIDTH;
    }

    /** ASCII letters and digits to their full-width forms (U+FF10…), which NFKC maps back. */
    static String fullWidth(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append((char) (c - 0x21 + 0xFF01));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "#" + canonical;
    }
}
