package org.staffroom.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.types.StringValue;

/**
 * Strings in the job's formats: exactly as Flink's {@link StringValue} writes them (the length plus
 * one, zero for null, then each char, seven bits a byte), so every format that holds strings stays
 * as it was. Read without {@code StringValue.readString}'s thread-local buffer: in a Flink task's
 * thread, which holds many thread-locals, looking it up cost 8.7% of the windows' and 5% of the
 * de-duplication's samples, more than decoding the string. Written in one call rather than a call
 * per char: a checkpoint's stream passes each call through four layers of streams, and heap
 * snapshots of many hashtags spent 13% of the job's samples there.
 */
public final class Strings {
    private static final int HIGH_BIT = 0x80;

    private Strings() {}

    public static void write(CharSequence s, DataOutput out) throws IOException {
        if (s == null) {
            out.write(0);
            return;
        }
        int length = s.length();
        // the length takes at most 5 bytes; an ASCII char 1, any other at most 3
        byte[] bytes = new byte[5 + length];
        int n = putVarint(bytes, 0, length + 1);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= HIGH_BIT) {
                bytes = Arrays.copyOf(bytes, n + 3 * (length - i));
                for (int j = i; j < length; j++) {
                    n = putVarint(bytes, n, s.charAt(j));
                }
                break;
            }
            bytes[n++] = (byte) c;
        }
        out.write(bytes, 0, n);
    }

    private static int putVarint(byte[] bytes, int n, int value) {
        while (value >= HIGH_BIT) {
            bytes[n++] = (byte) (value | HIGH_BIT);
            value >>>= 7;
        }
        bytes[n++] = (byte) value;
        return n;
    }

    public static String read(DataInput in) throws IOException {
        int lengthPlusOne = readVarint(in);
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        // posts' ids, names and hashtags are nearly all ASCII: one byte a char, a Latin-1 string
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            int b = in.readUnsignedByte();
            if (b >= HIGH_BIT) {
                return readWide(in, ascii, i, b, length);
            }
            ascii[i] = (byte) b;
        }
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /** The rest of a string whose char {@code i} is not ASCII; its first byte {@code first} is read. */
    private static String readWide(DataInput in, byte[] ascii, int i, int first, int length) throws IOException {
        char[] chars = new char[length];
        for (int j = 0; j < i; j++) {
            chars[j] = (char) ascii[j];
        }
        chars[i] = (char) continueVarint(in, first);
        for (int j = i + 1; j < length; j++) {
            chars[j] = (char) readVarint(in);
        }
        return new String(chars);
    }

    private static int readVarint(DataInput in) throws IOException {
        int b = in.readUnsignedByte();
        return b < HIGH_BIT ? b : continueVarint(in, b);
    }

    private static int continueVarint(DataInput in, int first) throws IOException {
        int value = first & 0x7F;
        int shift = 7;
        int b;
        while ((b = in.readUnsignedByte()) >= HIGH_BIT) {
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        return value | (b << shift);
    }
}
