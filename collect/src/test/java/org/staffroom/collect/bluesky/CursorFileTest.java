package org.staffroom.collect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorFileTest {

    @Test
    void aSavedPositionIsLoadedAndReplacedWhole(@TempDir Path dir) throws Exception {
        CursorFile cursor = new CursorFile(dir.resolve("bluesky.cursor"));
        assertThat(cursor.load()).isEqualTo(OptionalLong.empty());

        cursor.save(1736452801124456L);
        cursor.save(1736452828151456L);

        assertThat(cursor.load()).isEqualTo(OptionalLong.of(1736452828151456L));
        assertThat(Files.readString(dir.resolve("bluesky.cursor"))).isEqualTo("1736452828151456\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(dir.resolve("bluesky.cursor"));
        }
    }

    @Test
    void aFileThatHoldsNoPositionIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bluesky.cursor");
        Files.writeString(file, "yesterday\n");
        assertThatThrownBy(() -> new CursorFile(file).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the cursor file " + file + " holds 'yesterday', not a Jetstream time_us (microseconds"
                        + " since 1970); remove it to start from now");
    }
}
