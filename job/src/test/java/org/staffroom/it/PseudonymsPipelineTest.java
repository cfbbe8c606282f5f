package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.platforms.PostEvent;

/**
 * Issue 13: the same stream with and without --pseudonymise-key-file gives the same metric rows, and
 * top_accounts rows that differ only in names; no author id, handle or mentioned account of the
 * stream reaches the pseudonymised tables.
 */
class PseudonymsPipelineTest extends StackTest {
    private static final List<String> METRIC_TABLES = SameRows.TABLES.stream()
            .filter(t -> !t.startsWith("top_accounts") && !t.startsWith("late_posts")).toList();

    @TempDir
    Path dir;

    @Test
    void aStudysTablesCountTheSameUnderPseudonyms() throws Exception {
        List<byte[]> posts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(9).weeks(1).community(120).build());
        while (generator.advance()) {
            PostEvent event = generator.current().toPostEvent();
            names.add(event.author.id);
            if (event.author.handle != null) {
                names.add(event.author.handle.toLowerCase(java.util.Locale.ROOT));
            }
            posts.add(JsonLines.toBytes(generator.current()));
        }
        String topic = stack.topic(1);
        stack.write(topic, 0, posts);
        Path key = dir.resolve("study.key");
        Files.write(key, "the key of this study, 32 bytes!".getBytes(StandardCharsets.UTF_8));
        String plain = stack.database();
        String hidden = stack.database();

        stack.runJob(topic, plain);
        stack.runJob(topic, hidden, "--pseudonymise-key-file", key.toString());

        for (String table : METRIC_TABLES) {
            List<String> expected = stack.rows(plain, "SELECT * FROM " + table);
            assertThat(expected).as(table).isNotEmpty();
            SameRows.assertSame(table, expected, stack.rows(hidden, "SELECT * FROM " + table));
        }
        String ranks = "SELECT scope, scope_key, window_start, kind, rank, posts FROM top_accounts "
                + "ORDER BY scope, scope_key, window_start, kind, rank";
        assertThat(stack.rows(hidden, ranks)).isNotEmpty().isEqualTo(stack.rows(plain, ranks));

        List<String> accounts = stack.rows(hidden, "SELECT DISTINCT account FROM top_accounts");
        assertThat(accounts).allSatisfy(a -> assertThat(a).matches("account=p[0-9a-f]{24}"));
        List<String> plainAccounts = stack.rows(plain, "SELECT DISTINCT account FROM top_accounts");
        assertThat(plainAccounts).as("the plain run names people the stream named").anySatisfy(a ->
                assertThat(names).contains(a.substring("account=".length())));
        assertThat(stack.rows(hidden, "SELECT id FROM late_posts")).allSatisfy(id -> assertThat(id).matches("id=p[0-9a-f]{24}"));
    }
}
