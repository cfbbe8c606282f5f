package org.staffroom.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Variable-length integers for the job's state: seven bits a byte, so the small numbers state is
 * full of (counts, follower counts, author ids, times relative to a base) take one to six bytes,
 * not eight. Signed values are zig-zagged first, so that -1 costs one byte too.
 */
public final class Varints {
    private Varints() {}

    public static void writeUnsigned(DataOutput out, long value) throws IOException {
        if ((value & ~0x7FL) == 0) {
            out.writeByte((int) value);
            return;
        }
        // one call for all the bytes: a checkpoint's stream passes each call through four layers
        byte[] bytes = new byte[10];
        int n = 0;
        while ((value & ~0x7FL) != 0) {
            bytes[n++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[n++] = (byte) value;
        out.write(bytes, 0, n);
    }

    public static long readUnsigned(DataInput in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("a variable-length integer longer than 64 bits: the state is not in this format");
    }

    public static void writeSigned(DataOutput out, long value) throws IOException {
        writeUnsigned(out, (value << 1) ^ (value >> 63));
    }

    public static long readSigned(DataInput in) throws IOException {
        long zigZag = readUnsigned(in);
        return (zigZag >>> 1) ^ -(zigZag & 1);
    }

    /** A size or count that must fit an int: a larger one means the bytes are not what they claim. */
    public static int readSize(DataInput in) throws IOException {
        long size = readUnsigned(in);
        if (size > Integer.MAX_VALUE) {
            throw new IOException("a size of " + size + ": the state is not in this format");
        }
        return (int) size;
    }
}
