package org.staffroom.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class VarintsTest {
    @Test
    void sevenBitsAByteLowestFirstAndReadBack() throws IOException {
        assertThat(unsignedBytes(0)).containsExactly(0);
        assertThat(unsignedBytes(127)).containsExactly(127);
        assertThat(unsignedBytes(128)).containsExactly(0x80, 1);
        assertThat(unsignedBytes(300)).containsExactly(0xAC, 2);
        assertThat(unsignedBytes(-1)).hasSize(10).endsWith(1);

        List<Long> values = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 16_383L, 16_384L, Long.MAX_VALUE,
                Long.MIN_VALUE, -1L, 1L << 56, (1L << 56) - 1));
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            values.add(random.nextLong() >>> random.nextInt(64));
        }
        for (long value : values) {
            DataOutputSerializer out = new DataOutputSerializer(16);
            Varints.writeUnsigned(out, value);
            Varints.writeSigned(out, value);
            DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
            assertThat(Varints.readUnsigned(in)).isEqualTo(value);
            assertThat(Varints.readSigned(in)).isEqualTo(value);
            assertThat(in.available()).isZero();
        }
    }

    private static int[] unsignedBytes(long value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        Varints.writeUnsigned(out, value);
        byte[] bytes = out.getCopyOfBuffer();
        int[] unsigned = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = bytes[i] & 0xFF;
        }
        return unsigned;
    }
}
