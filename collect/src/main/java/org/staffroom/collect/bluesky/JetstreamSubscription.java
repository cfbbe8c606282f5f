package org.staffroom.collect.bluesky;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Jetstream endpoints, and the address of a subscription: posts and reposts only (Jetstream
 * still sends identity and account events, which teach the converter handles), from a cursor when
 * there is one, else from now.
 */
final class JetstreamSubscription {
    static final List<String> COLLECTIONS = List.of("app.bsky.feed.post", "app.bsky.feed.repost");

    private final List<URI> endpoints;

    JetstreamSubscription(List<URI> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one Jetstream endpoint is needed");
        }
        for (URI endpoint : endpoints) {
            String scheme = endpoint.getScheme();
            if (!"wss".equals(scheme) && !"ws".equals(scheme) || endpoint.getHost() == null
                    || endpoint.getRawQuery() != null) {
                throw new IllegalArgumentException("a Jetstream endpoint is wss://HOST/subscribe (or ws://), without a"
                        + " query, not " + endpoint);
            }
        }
        this.endpoints = List.copyOf(endpoints);
    }

    int size() {
        return endpoints.size();
    }

    URI endpoint(int index) {
        return endpoints.get(index % endpoints.size());
    }

    /** The subscription to endpoint {@code index}, from {@code cursor} (a {@code time_us}) when present. */
    URI uri(int index, OptionalLong cursor) {
        StringBuilder query = new StringBuilder();
        for (String collection : COLLECTIONS) {
            query.append(query.length() == 0 ? "?" : "&").append("wantedCollections=").append(collection);
        }
        cursor.ifPresent(c -> query.append("&cursor=").append(c));
        return URI.create(endpoint(index) + query.toString());
    }
}
