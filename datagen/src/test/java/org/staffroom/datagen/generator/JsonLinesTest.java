package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void stringsAreEscapedExactlyAsJacksonDoes() throws Exception {
        StringBuilder allControls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            allControls.append(c);
        }
        for (String s : List.of("plain", "quote \" and backslash \\", "line\nbreak\ttab\rreturn\bback\fform",
                allControls.toString(), "\u007F del", "slash / stays", "emoji \uD83D\uDC4F and \u2615",
                "full width \uFF03\uFF35\uFF2B\uFF25\uFF44", "separators \u2028 \u2029", "é ü ß", "")) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteText out = new ByteText(4);
            out.append('"');
            JsonLines.string(utf8, 0, utf8.length, out);
            out.append('"');
            assertThat(out.toString()).as(s).isEqualTo(JACKSON.writeValueAsString(s));
        }
    }

    @Test
    void timestampsAreIsoSecondsInUtc() {
        assertThat(Timestamps.format(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Timestamps.format(1_736_452_860_999L)).isEqualTo("2025-01-09T20:01:00Z");
        Timestamps cached = new Timestamps();
        ByteText b = new ByteText(8);
        cached.append(1_736_452_860_000L, b);
        cached.append(1_736_452_861_000L + 86_400_000L, b);
        assertThat(b.toString()).isEqualTo("2025-01-09T20:01:00Z2025-01-10T20:01:01Z");
    }

    @Test
    void writesLinesInOrderAcrossManyChunks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().weeks(2).community(3000).rate(300).build());
        StringBuilder expected = new StringBuilder();
        long written;
        try (JsonLines lines = new JsonLines(out)) {
            while (generator.advance()) {
                lines.write(generator.current());
                expected.append(generator.current().toPostEvent().toJson()).append('\n');
            }
            written = lines.lines();
            lines.flush();
            assertThat(lines.bytes()).isEqualTo(out.size());
        }
        assertThat(out.size()).isGreaterThan(3 << 20); // several 1 MiB chunks through the writer thread
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(written).isEqualTo(generator.generated());
    }

    @Test
    void aFailingStreamIsReported() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().weeks(1).build());
        assertThatThrownBy(() -> {
            try (JsonLines lines = new JsonLines(broken)) {
                while (generator.advance()) {
                    lines.write(generator.current());
                }
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
    }

    @Test
    void closeClosesTheStreamOnce() throws IOException {
        int[] closes = {0};
        OutputStream counting = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closes[0]++;
            }
        };
        JsonLines lines = new JsonLines(counting);
        lines.close();
        lines.close();
        assertThat(closes[0]).isEqualTo(1);
        assertThatThrownBy(lines::flush).isInstanceOf(IOException.class);
    }
}
