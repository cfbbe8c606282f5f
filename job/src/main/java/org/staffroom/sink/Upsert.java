package org.staffroom.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Builds {@code INSERT … ON CONFLICT} statements from column lists, so keys and columns cannot drift apart. */
final class Upsert {
    private Upsert() {}

    /**
     * An upsert that sets {@code updated_at = now()} and never turns a final row back into an open
     * one: a stale open row arriving after the final one (a replay, a restart) is ignored.
     */
    static String finalAware(String table, List<String> keys, List<String> values) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(values);
        columns.add("is_final");
        List<String> updates = new ArrayList<>(values);
        updates.add("is_final");
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ", updated_at) VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ", now()) ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET "
                + updates.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                + ", updated_at = EXCLUDED.updated_at WHERE NOT " + table + ".is_final OR EXCLUDED.is_final";
    }

    /** An insert that keeps the first row written for a key (first delivery wins). */
    static String firstWins(String table, List<String> keys, List<String> values) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(values);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO NOTHING";
    }
}
