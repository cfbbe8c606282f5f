package org.staffroom.platforms.x;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.staffroom.platforms.SourceNode;

/**
 * The links of a tweet as the contract counts them: {@code entities.urls[].expanded_url} without
 * media links (a photo is not a link shared) and without the permalink of the quoted tweet (every
 * quote lists it, so every quote would count as sharing a link).
 */
final class TweetUrls {
    private static final Set<String> HOSTS = Set.of("twitter.com", "x.com");
    private static final Set<String> SUBDOMAINS = Set.of("www", "mobile");
    private static final Set<String> MEDIA = Set.of("photo", "video");

    private TweetUrls() {}

    static List<String> of(SourceNode urlEntities, Set<String> quotedIds) {
        List<String> urls = new ArrayList<>();
        for (SourceNode entity : urlEntities.elements()) {
            if (entity.field("media_key").present()) {
                continue;
            }
            SourceNode expanded = entity.field("expanded_url");
            String url = expanded.present() ? expanded.text() : entity.field("url").text();
            if (!isStatusLink(url, quotedIds)) {
                urls.add(url);
            }
        }
        return List.copyOf(urls);
    }

    /** {@code https://twitter.com/{user}/status/{quoted id}}, or a status's photo or video. */
    private static boolean isStatusLink(String url, Set<String> quotedIds) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || !HOSTS.contains(site(uri.getHost())) || uri.getPath() == null) {
            return false;
        }
        String[] segments = uri.getPath().split("/");
        // "", user, "status", id [, "photo"|"video", n]
        if (segments.length < 4 || !segments[2].equals("status")) {
            return false;
        }
        boolean media = segments.length >= 5 && MEDIA.contains(segments[4]);
        return media || segments.length == 4 && quotedIds.contains(segments[3]);
    }

    /** {@code mobile.twitter.com} and {@code www.x.com} are the same site as their parent. */
    private static String site(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        return dot > 0 && SUBDOMAINS.contains(lower.substring(0, dot)) ? lower.substring(dot + 1) : lower;
    }
}
