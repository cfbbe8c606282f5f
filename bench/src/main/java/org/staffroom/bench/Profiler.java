package org.staffroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of execution samples only (every 10 ms per running thread), for
 * the duration of one run; about what {@code -XX:StartFlightRecording} with a sampling-only
 * configuration gives, limited to the run.
 */
final class Profiler implements AutoCloseable {
    private final Recording recording;
    private final Path file;
    private Instant started;
    private Instant stopped;

    private Profiler(Path file) {
        this.file = file;
        this.recording = new Recording();
        recording.setName("staffroom-bench");
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.setToDisk(true);
    }

    static Profiler start(Path file) {
        Profiler p = new Profiler(file);
        p.started = Instant.now();
        p.recording.start();
        return p;
    }

    /** Stops sampling and writes the recording to its file. */
    Path stop() throws Exception {
        recording.stop();
        stopped = Instant.now();
        recording.dump(file);
        return file;
    }

    Instant started() {
        return started;
    }

    Instant stopped() {
        return stopped;
    }

    @Override
    public void close() {
        recording.close();
    }
}
