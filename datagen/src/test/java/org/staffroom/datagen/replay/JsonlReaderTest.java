package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
    @TempDir
    Path dir;

    private static List<String> read(String content, int bufferSize) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonlReader r = new JsonlReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), bufferSize)) {
            while (r.next()) {
                out.add(new String(r.line(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void splitsLinesDropsCrAndSkipsBlankLines() throws IOException {
        String content = "{\"a\":1}\r\n\n  \t\r\n{\"b\":2}\n{\"c\":3}";
        for (int size : new int[] {16, 17, 19, 64, 1 << 20}) {
            assertThat(read(content, size)).as("buffer %d", size).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        }
    }

    @Test
    void aLineLongerThanTheBufferGrowsIt() throws IOException {
        String longLine = "{\"text\":\"" + "x".repeat(100_000) + "\"}";
        assertThat(read("{}\n" + longLine + "\n{}\n", 16)).containsExactly("{}", longLine, "{}");
    }

    @Test
    void keepsBytesAsTheyAre() throws IOException {
        byte[] content = {'{', (byte) 0xFF, 0, '}', '\n', 'x'};
        try (JsonlReader r = new JsonlReader(new ByteArrayInputStream(content), 16)) {
            assertThat(r.next()).isTrue();
            assertThat(r.line()).containsExactly('{', (byte) 0xFF, 0, '}');
            assertThat(r.bytesConsumed()).isEqualTo(5);
            assertThat(r.next()).isTrue();
            assertThat(r.line()).containsExactly('x');
            assertThat(r.bytesConsumed()).isEqualTo(6);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void countsRecordsAndFindsTheLastEventTime() throws IOException {
        Path file = SyntheticPosts.write(dir.resolve("posts.jsonl"), 5_000, 1, 1000);
        Files.writeString(file, "\n\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(JsonlReader.countRecords(file, Long.MAX_VALUE)).isEqualTo(5_000);
        assertThat(JsonlReader.countRecords(file, 10)).isEqualTo(10);
        List<String> lines = Files.readAllLines(file);
        long last = new PostFieldScanner().scan(lines.get(4_999).getBytes(StandardCharsets.UTF_8), true).createdAtMillis();
        assertThat(JsonlReader.lastEventTime(file)).isEqualTo(last).isNotEqualTo(EventTimes.NONE);
    }
}
