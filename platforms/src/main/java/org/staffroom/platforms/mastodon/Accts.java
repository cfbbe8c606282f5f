package org.staffroom.platforms.mastodon;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.staffroom.platforms.MappingException;
import org.staffroom.platforms.SourceNode;

/**
 * Mastodon handles as {@code user@domain}. An {@code acct} without a domain is an account local to
 * the server that was asked, so the same person reads {@code alice} on her own server and
 * {@code alice@her.server} everywhere else. Its domain is the configured domain of the server
 * asked when one is given (it is right even where a server's web host differs from its account
 * domain), else the host of the account's own profile {@code url}, which a local account always has
 * on the server asked.
 */
final class Accts {
    private final Optional<String> localDomain;

    /** {@code localDomain}: the account domain of the server asked, e.g. {@code mastodon.social}, or empty. */
    Accts(Optional<String> localDomain) {
        localDomain.ifPresent(Accts::checkDomain);
        this.localDomain = localDomain;
    }

    String qualify(SourceNode acct, SourceNode profileUrl) {
        String name = acct.text();
        if (name.contains("@")) {
            return name;
        }
        return name + "@" + localDomain.orElseGet(() -> host(acct, name, profileUrl));
    }

    private static String host(SourceNode acct, String name, SourceNode profileUrl) {
        if (!profileUrl.present()) {
            throw new MappingException(acct.path() + " '" + name + "' has no domain and " + profileUrl.path()
                    + " is missing: name the server asked");
        }
        String url = profileUrl.text();
        try {
            String host = new URI(url).getHost();
            if (host != null) {
                return host;
            }
        } catch (URISyntaxException e) {
            // reported below with the field
        }
        throw new MappingException(profileUrl.path() + " '" + url + "' has no host to complete " + acct.path()
                + " '" + name + "'");
    }

    private static void checkDomain(String domain) {
        if (domain.isBlank() || domain.contains("/") || domain.contains("@") || domain.contains(":")) {
            throw new IllegalArgumentException("the Mastodon server's domain must be a bare host name such as "
                    + "mastodon.social, not '" + domain + "'");
        }
    }
}
