package org.staffroom.platforms.x;

/**
 * X shows every link in a tweet's text as a {@code https://t.co/…} link, the real one in
 * {@code expanded_url}. Stand-in: ten base-62 characters of a hash of the link, so the same link
 * always reads the same (a retweet's text shows its original's t.co links).
 */
final class ShortLinks {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DISPLAY = 25;

    private ShortLinks() {}

    static String tco(String url) {
        long h = 1125899906842597L;
        for (int i = 0; i < url.length(); i++) {
            h = 31 * h + url.charAt(i);
        }
        h ^= h >>> 29;
        StringBuilder code = new StringBuilder("https://t.co/");
        for (int i = 0; i < 10; i++) {
            code.append(BASE62.charAt((int) Math.floorMod(h, 62L)));
            h = Math.floorDiv(h, 62L) ^ (h << 7);
        }
        return code.toString();
    }

    /** What X displays: the link without its scheme, cut with an ellipsis. */
    static String display(String url) {
        String bare = url.replaceFirst("^https?://", "");
        return bare.length() <= DISPLAY ? bare : bare.substring(0, DISPLAY - 1) + "\u2026";
    }
}
