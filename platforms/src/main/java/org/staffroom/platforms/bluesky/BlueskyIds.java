package org.staffroom.platforms.bluesky;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.staffroom.platforms.NativeTime;
import org.staffroom.platforms.PostEvent;

/**
 * Bluesky identities for contract events, stand-ins derived deterministically: an account's DID
 * ({@code did:plc:} and 24 base-32 characters) from a hash of its handle, so that an author and
 * the mentions of them agree; a record key is a TID (microseconds of {@code createdAt} and a clock
 * id from the post id, base-32-sortable, as the PDS makes them); a CID is {@code bafyrei} and 52
 * base-32 characters of a hash of the record's AT-URI.
 */
public final class BlueskyIds {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    static final String POST = "app.bsky.feed.post";
    static final String REPOST = "app.bsky.feed.repost";

    private BlueskyIds() {}

    /** The DID of the account with this handle. */
    public static String did(String handle) {
        return "did:plc:" + base32(hash(handle.toLowerCase(Locale.ROOT)), 24);
    }

    /** The DID of the post's author: from its handle, else its author id. */
    public static String did(PostEvent post) {
        return did(post.author.handle != null ? post.author.handle : post.author.id);
    }

    /** The post's AT-URI, its id on Bluesky: {@code at://{did}/app.bsky.feed.post/{rkey}} (a repost's collection for a repost). */
    public static String uri(PostEvent post) {
        return "at://" + did(post) + "/" + collection(post) + "/" + rkey(post);
    }

    static String collection(PostEvent post) {
        return post.retweetOf == null ? POST : REPOST;
    }

    static String rkey(PostEvent post) {
        return tid(micros(NativeTime.of(post)), Math.floorMod(post.id.hashCode(), 1024));
    }

    static String cid(String uri) {
        return "bafyrei" + base32(hash(uri), 52);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** A timestamp identifier: 53 bits of microseconds and 10 of clock id in 13 sortable base-32 characters. */
    static String tid(long micros, int clockId) {
        long value = (micros << 10) | clockId;
        char[] chars = new char[13];
        for (int i = 12; i >= 0; i--) {
            chars[i] = SORTABLE.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(chars);
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** {@code n} base-32 characters from a 64-bit seed, stretched by a xorshift. */
    private static String base32(long seed, int n) {
        StringBuilder out = new StringBuilder(n);
        long x = seed == 0 ? 1 : seed;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            out.append(BASE32.charAt((int) (x >>> 59)));
        }
        return out.toString();
    }
}
