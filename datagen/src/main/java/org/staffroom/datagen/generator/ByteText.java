package org.staffroom.datagen.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer. Texts are composed from pre-encoded fragments and written out as
 * bytes, so the hot path never builds a {@link String} or encodes characters.
 */
final class ByteText {
    byte[] bytes;
    int length;

    ByteText(int capacity) {
        bytes = new byte[capacity];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void clear() {
        length = 0;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    ByteText append(byte[] b) {
        return append(b, 0, b.length);
    }

    ByteText append(byte[] b, int offset, int count) {
        ensure(count);
        System.arraycopy(b, offset, bytes, length, count);
        length += count;
        return this;
    }

    ByteText append(ByteText t) {
        return append(t.bytes, 0, t.length);
    }

    /** Appends one ASCII character. */
    ByteText append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Appends a space unless the text is empty or already ends with one. */
    ByteText space() {
        if (length > 0 && bytes[length - 1] != ' ') {
            append(' ');
        }
        return this;
    }

    /** Appends a non-negative number in decimal. */
    ByteText appendDigits(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        ensure(digits);
        int end = length + digits;
        long v = value;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length = end;
        return this;
    }

    /** Appends ASCII bytes with A–Z lower-cased (for handles in blog addresses). */
    ByteText appendLowerAscii(byte[] b) {
        ensure(b.length);
        for (byte c : b) {
            bytes[length++] = (c >= 'A' && c <= 'Z') ? (byte) (c + ('a' - 'A')) : c;
        }
        return this;
    }

    void set(byte[] b) {
        length = 0;
        append(b);
    }

    void copyFrom(ByteText other) {
        length = 0;
        append(other);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
