package org.staffroom.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** {@link Strings} reads and writes exactly Flink's {@link StringValue} format, so no stored state changes. */
class StringsTest {
    private static final int MARKER = 0x5A;

    @Test
    void readsWhatFlinkWroteAndFlinkReadsWhatItWrote() throws IOException {
        List<String> strings = new ArrayList<>(Arrays.asList(null, "", "a", "twitter", "héllo wörld", "ÿ\u0080",
                "日本語の投稿", "\ud83d\ude00 emoji", "\ud800 lone surrogate", "ascii then é", "é then ascii",
                "\u0000", "\u007f\u0080\u3fff\u4000\uffff", "x".repeat(127), "x".repeat(128), "x".repeat(2047),
                "x".repeat(2048), "x".repeat(2049), "x".repeat(16_383), "x".repeat(16_384) + "é",
                "é".repeat(3000)));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            strings.add(randomString(random));
        }
        for (String s : strings) {
            assertThat(read(flinkBytes(s), Strings::read)).as(describe(s)).isEqualTo(s);
            assertThat(read(ourBytes(s), StringValue::readString)).as(describe(s)).isEqualTo(s);
            assertThat(ourBytes(s)).as(describe(s)).isEqualTo(flinkBytes(s));
        }
    }

    private static String randomString(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextInt(40);
        StringBuilder s = new StringBuilder(length);
        int kind = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            s.append((char) switch (kind) {
                case 0 -> random.nextInt(128);
                case 1 -> random.nextInt(256);
                case 2 -> random.nextInt(10) == 0 ? random.nextInt(0x10000) : random.nextInt(128);
                default -> random.nextInt(0x10000);
            });
        }
        return s.toString();
    }

    private interface Reader {
        String read(DataInputDeserializer in) throws IOException;
    }

    /** Reads the string, which must end exactly where the marker written after it begins. */
    private static String read(byte[] bytes, Reader reader) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        String s = reader.read(in);
        assertThat(in.readUnsignedByte()).as("the byte after the string").isEqualTo(MARKER);
        assertThat(in.available()).isZero();
        return s;
    }

    private static byte[] flinkBytes(String s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        StringValue.writeString(s, out);
        out.writeByte(MARKER);
        return out.getCopyOfBuffer();
    }

    private static byte[] ourBytes(String s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        Strings.write(s, out);
        out.writeByte(MARKER);
        return out.getCopyOfBuffer();
    }

    private static String describe(String s) {
        return s == null ? "null" : s.length() + " chars starting " + s.substring(0, Math.min(20, s.length()));
    }
}
