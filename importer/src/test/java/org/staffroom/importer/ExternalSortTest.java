package org.staffroom.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {

    private static List<Item> drain(Iterator<Item> it) {
        List<Item> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void ordersByTimeThenByInputOrderAndKeepsEqualTimesInTheOrderRead(@TempDir Path dir) throws Exception {
        try (ExternalSort sort = new ExternalSort(10, dir)) {
            sort.add(new Item(300, 0, Item.Kind.CONVERTED, "{\"c\":1}"));
            sort.add(new Item(100, 1, Item.Kind.PASSED, "{\"a\":\"tab\\there\"}"));
            sort.add(new Item(300, 2, Item.Kind.BLUESKY, "{\"c\":2}"));
            sort.add(new Item(Long.MIN_VALUE, 3, Item.Kind.UNMAPPABLE, "{\"conversionError\":\"x\"}"));
            assertThat(drain(sort.sorted())).extracting(Item::json).containsExactly(
                    "{\"conversionError\":\"x\"}", "{\"a\":\"tab\\there\"}", "{\"c\":1}", "{\"c\":2}");
            assertThat(sort.spilledRuns()).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing spilled for a run that fits").isEmpty();
        }
    }

    @Test
    void mergesRunsFromDiskIntoTheSameOrderAsOneSortAndRemovesThem(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // few distinct times: ties must come out in input order across runs
            long time = i % 97 == 0 ? Long.MIN_VALUE : 1_700_000_000_000L + random.nextInt(500) * 1000L;
            items.add(new Item(time, i, Item.Kind.values()[i % 4], "{\"i\":" + i + ",\"t\":\"a\\tb\"}"));
        }
        List<Item> expected = new ArrayList<>(items);
        expected.sort(Item.ORDER);
        List<Item> merged;
        try (ExternalSort sort = new ExternalSort(777, dir)) {
            for (Item item : items) {
                sort.add(item);
            }
            assertThat(sort.spilledRuns()).isEqualTo(10_000 / 777);
            merged = drain(sort.sorted());
        }
        assertThat(merged).isEqualTo(expected);
        try (var files = Files.list(dir)) {
            assertThat(files).as("runs deleted on close").isEmpty();
        }
    }
}
