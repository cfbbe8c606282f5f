package org.staffroom.collect.bluesky;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.staffroom.collect.CollectCli;

/**
 * {@code collect} in a child JVM on this JVM's class path, as an operator runs it: it can be
 * stopped with SIGTERM, as a service manager does, or killed with SIGKILL, as a crash does, which
 * no in-process stop can imitate. Its stderr goes to a file.
 */
final class CollectorProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;

    private CollectorProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static CollectorProcess start(Path dir, String name, List<String> args) {
        try {
            Path classpath = dir.resolve(name + ".classpath");
            // java's argument file syntax: a quoted token, backslashes escaped
            Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\")
                    + "\"\n", StandardCharsets.UTF_8);
            Path stderr = dir.resolve(name + ".stderr");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "@" + classpath, CollectCli.class.getName()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
            return new CollectorProcess(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the collector", e);
        }
    }

    /** SIGTERM, then its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the collector did not exit within 2 minutes; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Waits until the collector's stderr holds {@code line} at least {@code times} times. */
    void awaitStderr(String line, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stderr().split(Pattern.quote(line), -1).length - 1 < times) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("not " + times + " times '" + line + "' in the collector's stderr:\n" + stderr());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
