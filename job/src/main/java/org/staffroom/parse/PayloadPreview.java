package org.staffroom.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The part of a rejected record kept for people to look at: the first 64 KiB, decoded as UTF-8 with
 * invalid bytes and NUL (which PostgreSQL text cannot hold) shown as U+FFFD.
 */
public final class PayloadPreview {
    public static final int MAX_BYTES = 64 * 1024;

    private PayloadPreview() {}

    public static String of(byte[] value) {
        if (value == null) {
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(value, 0, Math.min(value.length, MAX_BYTES))).toString();
            return text.replace('\u0000', '\uFFFD');
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
