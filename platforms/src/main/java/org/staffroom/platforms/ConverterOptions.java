package org.staffroom.platforms;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What converters cannot learn from the records themselves.
 *
 * @param mastodonDomain the account domain of the Mastodon server the statuses were asked from,
 *     for handles without a domain; empty to take the host of each account's profile url
 * @param blueskyHandles Bluesky DIDs to handles known up front (identity events add to them)
 * @param maxBlueskyHandles how many Bluesky handles are kept at most
 */
public record ConverterOptions(Optional<String> mastodonDomain, Map<String, String> blueskyHandles,
        int maxBlueskyHandles) {
    public static final int DEFAULT_MAX_BLUESKY_HANDLES = 1_000_000;

    public ConverterOptions {
        Objects.requireNonNull(mastodonDomain, "mastodonDomain");
        blueskyHandles = Map.copyOf(blueskyHandles);
        if (maxBlueskyHandles < 1) {
            throw new IllegalArgumentException("the number of Bluesky handles kept must be at least 1, not "
                    + maxBlueskyHandles);
        }
    }

    public static ConverterOptions defaults() {
        return new ConverterOptions(Optional.empty(), Map.of(), DEFAULT_MAX_BLUESKY_HANDLES);
    }

    public ConverterOptions withMastodonDomain(String domain) {
        return new ConverterOptions(Optional.of(domain), blueskyHandles, maxBlueskyHandles);
    }

    public ConverterOptions withBlueskyHandles(Map<String, String> handles) {
        return new ConverterOptions(mastodonDomain, handles, maxBlueskyHandles);
    }
}
