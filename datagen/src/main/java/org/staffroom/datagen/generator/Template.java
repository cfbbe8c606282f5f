package org.staffroom.datagen.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence with slots ({@code {topic}}, {@code {phase}}, {@code {n}}, {@code {role}},
 * {@code {place}}), parsed once into UTF-8 fragments so that rendering is a few array copies.
 */
final class Template {
    static final int TOPIC = 0;
    static final int PHASE = 1;
    static final int N = 2;
    static final int ROLE = 3;
    static final int PLACE = 4;
    static final int SLOTS = 5;
    private static final String[] NAMES = {"{topic}", "{phase}", "{n}", "{role}", "{place}"};

    private final byte[][] literals;
    private final int[] slots;
    final String pattern;

    Template(String pattern) {
        this.pattern = pattern;
        List<byte[]> lits = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int best = -1;
            int bestSlot = -1;
            for (int s = 0; s < SLOTS; s++) {
                int at = pattern.indexOf(NAMES[s], from);
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    bestSlot = s;
                }
            }
            if (best < 0) {
                lits.add(ByteText.utf8(pattern.substring(from)));
                break;
            }
            lits.add(ByteText.utf8(pattern.substring(from, best)));
            found.add(bestSlot);
            from = best + NAMES[bestSlot].length();
        }
        this.literals = lits.toArray(new byte[0][]);
        this.slots = found.stream().mapToInt(Integer::intValue).toArray();
    }

    static Template[] of(String... patterns) {
        Template[] t = new Template[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            t[i] = new Template(patterns[i]);
        }
        return t;
    }

    /** Appends the sentence with {@code values[slot]} in each slot. */
    void render(ByteText out, byte[][] values) {
        out.append(literals[0]);
        for (int i = 0; i < slots.length; i++) {
            out.append(values[slots[i]]);
            out.append(literals[i + 1]);
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
