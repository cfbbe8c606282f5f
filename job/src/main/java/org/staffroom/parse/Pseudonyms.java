package org.staffroom.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes that stand for teachers in published tables: HMAC-SHA-256 of a platform and an id,
 * cut to 96 bits (a collision among a billion accounts has odds below 10^-10), stable for one key
 * and meaningless without it. A post's author, its handle and its id are replaced by hashes of
 * (platform, id); a mentioned account by a hash of its handle alone, because the top mentioned
 * accounts are ranked by handle across platforms, and a hash per platform would split them.
 */
public final class Pseudonyms {
    /** Shorter keys are refused: the hash is only as secret as the key. */
    public static final int MIN_KEY_BYTES = 32;
    private static final int HASH_BYTES = 12;

    private final Mac mac;

    public Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key has " + key.length + " bytes; at least "
                    + MIN_KEY_BYTES + " are needed (e.g. head -c 32 /dev/urandom > key)");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Reads the key where the job runs, so that it never travels in the job graph. */
    public static Pseudonyms fromKeyFile(String file) {
        try {
            return new Pseudonyms(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stand-in for an account or post id of a platform. */
    public String of(String platform, String id) {
        return hash(platform + '\u0000' + id);
    }

    /** The stand-in for a mentioned account's (normalised) handle. */
    public String ofMention(String handle) {
        return hash("@\u0000" + handle);
    }

    private String hash(String value) {
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return "p" + HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    }
}
