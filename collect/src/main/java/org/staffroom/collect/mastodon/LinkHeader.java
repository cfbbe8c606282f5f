package org.staffroom.collect.mastodon;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages a Mastodon answer points to (RFC 8288 {@code Link}):
 * {@code <https://…?max_id=7>; rel="next", <https://…?min_id=9>; rel="prev"}. Mastodon's
 * {@code prev} is the page of newer statuses, {@code next} of older ones.
 */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";,]+)\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** The target of the first link with relation {@code rel}; empty when there is none. */
    static Optional<URI> find(String header, String rel) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher relation = REL.matcher(link.group(2));
            while (relation.find()) {
                for (String name : relation.group(1).trim().split("\\s+")) {
                    if (name.equalsIgnoreCase(rel)) {
                        return Optional.of(URI.create(link.group(1).trim()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
