package org.staffroom.model;

/**
 * A participant's identity (contract §2): (platform, author id), held as one string, the key of the
 * window state's participants, first-seen and retained sets. Two platforms' author ids may collide,
 * and a person on two platforms is two participants. The parser refuses NUL in both parts, so the
 * separator cannot occur inside either.
 */
public final class ParticipantKey {
    private static final char SEPARATOR = '\u0000';

    private ParticipantKey() {}

    public static String of(Post post) {
        return post.platform + SEPARATOR + post.authorId;
    }

    public static String platformOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    /** Whether the participant is on the platform: {@code platformOf(key).equals(platform)}, without the copy. */
    public static boolean isOn(String key, String platform) {
        return key.length() > platform.length() && key.charAt(platform.length()) == SEPARATOR
                && key.startsWith(platform);
    }

    public static String authorIdOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
