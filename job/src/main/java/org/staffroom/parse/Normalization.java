package org.staffroom.parse;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The normalisation rules of contract §2 for hashtags and mentions. */
public final class Normalization {
    private Normalization() {}

    /**
     * Unicode NFKC, one leading '#' or '＃' stripped, lower-cased with {@link Locale#ROOT}; empty
     * for nothing left. NFKC already folds '＃' to '#', the second check keeps the rule literal.
     */
    public static String hashtag(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        if (s.startsWith("#") || s.startsWith("＃")) {
            s = s.substring(1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** One leading '@' (or its full-width form) stripped, lower-cased with {@link Locale#ROOT}. */
    public static String mention(String raw) {
        String s = raw.strip();
        if (s.startsWith("@") || s.startsWith("＠")) {
            s = s.substring(1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    public static String[] distinctHashtags(Collection<String> raw) {
        return distinct(raw, true);
    }

    public static String[] distinctMentions(Collection<String> raw) {
        return distinct(raw, false);
    }

    private static String[] distinct(Collection<String> raw, boolean hashtags) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : raw) {
            String n = hashtags ? hashtag(r) : mention(r);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out.toArray(new String[0]);
    }
}
