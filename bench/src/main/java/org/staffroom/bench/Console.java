package org.staffroom.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress on stderr, so that stdout carries only the report. */
final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {}

    static void progress(String line) {
        System.err.println(LocalTime.now().format(TIME) + " " + line);
        System.err.flush();
    }
}
