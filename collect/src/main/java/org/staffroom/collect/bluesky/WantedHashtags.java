package org.staffroom.collect.bluesky;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hashtags a collector keeps posts for, compared as the contract's §2 normalises them (NFKC,
 * one leading {@code #} or {@code ＃} stripped, lower case): {@code #UKEdChat}, {@code ukedchat}
 * and {@code #ＵＫＥｄＣｈａｔ} are one hashtag.
 */
final class WantedHashtags {
    private final Set<String> wanted;

    WantedHashtags(Collection<String> hashtags) {
        this.wanted = hashtags.stream().map(WantedHashtags::normalise).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("at least one hashtag is wanted, not none of " + hashtags);
        }
    }

    /** Whether any of a post's hashtags, as written, is wanted. */
    boolean anyOf(List<String> hashtags) {
        return hashtags != null && hashtags.stream().anyMatch(h -> wanted.contains(normalise(h)));
    }

    /**
     * Whether a raw record names a wanted hashtag anywhere, in any case: Jetstream carries every post
     * of the network, and of those that cannot be mapped only these are worth a person's look.
     */
    boolean namedIn(String raw) {
        String text = raw.toLowerCase(Locale.ROOT);
        return wanted.stream().anyMatch(text::contains);
    }

    static String normalise(String hashtag) {
        String s = Normalizer.normalize(hashtag, Normalizer.Form.NFKC);
        if (s.startsWith("#") || s.startsWith("＃")) {
            s = s.substring(1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wanted.stream().sorted().collect(Collectors.joining(","));
    }
}
