package org.staffroom.local;

import java.io.PrintStream;

/** What the local stack tells the person running it: one prefix, flushed at once. */
final class Console {
    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println("staffroom-local: " + text);
        out.flush();
    }

    void raw(String text) {
        out.println(text);
        out.flush();
    }
}
