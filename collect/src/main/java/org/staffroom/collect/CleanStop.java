package org.staffroom.collect;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A collector's clean stop on SIGTERM or Ctrl-C: the shutdown hook asks the collector to stop,
 * waits until its run has ended (streams closed, records acknowledged, position saved) and ends
 * the JVM with the run's exit code, 0 after a clean stop, rather than the signal's 143.
 */
public final class CleanStop implements AutoCloseable {
    /** How long the hook waits for the run to end before the JVM goes anyway. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = CollectCli.EXIT_FAILED;

    /** Installs the hook; {@code stop} asks the run to end, from the hook's thread. */
    public CleanStop(String name, Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                ended.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, name + "-clean-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run has ended with this exit code; a stop under way may end the JVM now. */
    public void ended(int code) {
        exitCode = code;
        ended.countDown();
    }

    /** Removes the hook after a run that ended by itself; during a shutdown the hook stays and ends the JVM. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it halts once ended() was called
        }
    }
}
