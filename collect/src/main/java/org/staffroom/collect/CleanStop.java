package org.staffroom.collect;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every collector's clean stop on SIGTERM or Ctrl-C: the shutdown hook asks the collector to stop,
 * waits until its run has ended (streams closed, records acknowledged, position saved) and ends
 * the JVM with the run's exit code, 0 after a clean stop, rather than the signal's 143.
 */
public final class CleanStop implements AutoCloseable {
    /** How long the hook waits for the run to end before the JVM goes anyway. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** A collector's run, until it is asked to stop. */
    public interface Run {
        void run() throws InterruptedException;
    }

    private final String name;
    private final PrintWriter err;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopping;
    private volatile int exitCode = CollectCli.EXIT_FAILED;

    /**
     * Installs the hook; {@code stop} asks the run to end, from the hook's thread. {@code name} is the
     * command's, the prefix of its lines on {@code err}.
     */
    public CleanStop(String name, Runnable stop, PrintWriter err) {
        this.name = name;
        this.err = err;
        this.hook = new Thread(() -> {
            stopping = true;
            stop.run();
            try {
                ended.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, name.replace(' ', '-') + "-clean-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs the collector; once it has ended, a stop under way may end the JVM. A failure during a stop
     * is said on {@code err} here, since the JVM ends before the command line could say it.
     */
    public void run(Run run) throws InterruptedException {
        try {
            run.run();
            exitCode = CollectCli.EXIT_OK;
        } catch (RuntimeException | InterruptedException e) {
            if (stopping) {
                err.println(name + ": " + e.getMessage());
                err.flush();
            }
            throw e;
        } finally {
            ended.countDown();
        }
    }

    /** Removes the hook after a run that ended by itself; during a shutdown the hook stays and ends the JVM. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it halts once the run has ended
        }
    }
}
