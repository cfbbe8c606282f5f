package org.staffroom.platforms.mastodon;

import java.util.List;
import java.util.Locale;
import org.staffroom.platforms.PostEvent;

/**
 * Where the accounts of contract events live on Mastodon, a stand-in for events that do not say:
 * the username is the event's handle, the server one of a few education-minded servers chosen by
 * a hash of the username (so an author and the mentions of them agree), and the statuses were
 * asked from {@link #LOCAL_SERVER}, whose own accounts' {@code acct} is bare.
 */
public final class MastodonAccounts {
    /** The server the statuses were collected from. */
    public static final String LOCAL_SERVER = "mastodon.education";
    private static final List<String> SERVERS = List.of(LOCAL_SERVER, "mastodon.social", "scholar.social",
            "mathstodon.xyz", "mastodon.online");

    private MastodonAccounts() {}

    public static String server(String username) {
        return SERVERS.get(Math.floorMod(username.toLowerCase(Locale.ROOT).hashCode(), SERVERS.size()));
    }

    /** {@code user@domain}, as the converter gives every handle. */
    public static String handle(String username) {
        return username + "@" + server(username);
    }

    /** The account's {@code acct} as the local server shows it: bare for its own accounts. */
    static String acct(String username) {
        return server(username).equals(LOCAL_SERVER) ? username : handle(username);
    }

    public static String accountUri(String username) {
        return "https://" + server(username) + "/users/" + username;
    }

    static String profileUrl(String username) {
        return "https://" + server(username) + "/@" + username;
    }

    /** A status's {@code uri}, its global id; a boost's is its activity's. */
    public static String statusUri(PostEvent post) {
        String username = username(post);
        String uri = accountUri(username) + "/statuses/" + post.id;
        return post.retweetOf == null ? uri : uri + "/activity";
    }

    static String statusUrl(PostEvent post) {
        return profileUrl(username(post)) + "/" + post.id;
    }

    /** The event's handle, else its author id. */
    public static String username(PostEvent post) {
        return post.author.handle != null ? post.author.handle : post.author.id;
    }

    /** A mentioned account's numeric id: a stand-in, since an event names mentions by handle only. */
    static String mentionedId(String username) {
        return Long.toString(109_000_000_000_000_000L + Math.floorMod(username.toLowerCase(Locale.ROOT).hashCode(), 1_000_000_000));
    }
}
