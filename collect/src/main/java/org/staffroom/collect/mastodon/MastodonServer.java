package org.staffroom.collect.mastodon;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A Mastodon server asked: where its API answers, and the account domain that a bare {@code acct}
 * in its answers belongs to (the server's host; a server whose accounts live under another domain
 * than its web host still gets handles that name one account each, only under its host's name).
 *
 * @param name the server as the progress lines and the state file name it: host, and port if any
 * @param base the API's root, {@code https://host} for a bare host name
 * @param domain the host, without port
 */
record MastodonServer(String name, URI base, String domain) {
    MastodonServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(domain, "domain");
    }

    /** {@code mastodon.social} (HTTPS) or a root URL such as {@code http://127.0.0.1:8080} (a proxy, a test server). */
    static MastodonServer parse(String spec) {
        String s = spec.trim();
        String url = s.contains("://") ? s : "https://" + s;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a server: give a host name such as mastodon.social "
                    + "or a URL such as https://mastodon.social");
        }
        boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")) || !bare
                || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + spec + "' is not a server: give a host name such as mastodon.social "
                    + "or a root URL such as https://mastodon.social, without path, query or user");
        }
        String name = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new MastodonServer(name, URI.create(uri.getScheme() + "://" + name), uri.getHost());
    }

    /** An API address on this server: {@code path} and query, already encoded. */
    URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }
}
