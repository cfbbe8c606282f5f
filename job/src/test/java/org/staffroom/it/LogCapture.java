package org.staffroom.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * While open, every log event of this JVM (the MiniCluster and the job's tasks included) goes to
 * memory instead of the console, one line each: time, level, logger, message and the chain of
 * causes (messages only; the file gets the first stack traces too). A fault test makes the job
 * fail over and over; this keeps the console readable, lets the test assert what the log says,
 * and writes it all to a file for whoever wants the details. Loggers named at construction log at
 * INFO meanwhile.
 */
final class LogCapture implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** Stack traces kept for the file, the first ones only: a fault test fails over and over. */
    private static final int MAX_TRACES = 300;

    private final List<String> lines = new ArrayList<>();
    private final List<String> traces = new ArrayList<>();
    private final LoggerContext context;
    private final LoggerConfig root;
    private final Map<String, Appender> detached = new LinkedHashMap<>();
    private final Map<String, Level> levels = new LinkedHashMap<>();
    private final Appender capture;

    LogCapture(String... infoLoggers) {
        context = (LoggerContext) LogManager.getContext(false);
        root = context.getConfiguration().getRootLogger();
        capture = new AbstractAppender("fault-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String line = format(event);
                String trace = event.getThrown() == null ? null : stackTrace(event.getThrown());
                synchronized (lines) {
                    lines.add(line);
                    if (trace != null && traces.size() < MAX_TRACES) {
                        traces.add(line + "\n" + trace);
                    }
                }
            }
        };
        capture.start();
        root.getAppenders().forEach(detached::put);
        detached.keySet().forEach(root::removeAppender);
        root.addAppender(capture, Level.ALL, null);
        for (String name : infoLoggers) {
            levels.put(name, LogManager.getLogger(name).getLevel());
            Configurator.setLevel(name, Level.INFO);
        }
        context.updateLoggers();
    }

    private static String format(LogEvent event) {
        StringBuilder line = new StringBuilder();
        line.append(TIME.format(Instant.ofEpochMilli(event.getTimeMillis()))).append(' ')
                .append(String.format("%-5s", event.getLevel())).append(' ')
                .append(shortName(event.getLoggerName())).append(" - ")
                .append(event.getMessage().getFormattedMessage());
        Throwable cause = event.getThrown();
        for (int depth = 0; cause != null && depth < 10; depth++) {
            line.append(depth == 0 ? " | " : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return line.toString().replace('\n', ' ');
    }

    private static String stackTrace(Throwable thrown) {
        java.io.StringWriter out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static String shortName(String logger) {
        return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    long count(String text) {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    Optional<String> first(String text) {
        return lines().stream().filter(l -> l.contains(text)).findFirst();
    }

    /**
     * Writes every line, then the first stack traces, to {@code target/fault-logs/NAME.log} and
     * says where on stdout; a failure to write is reported, not thrown (this runs in a
     * {@code finally}, where it must not hide the test's own failure).
     */
    void save(String name) {
        Path file = Path.of("target", "fault-logs", name + ".log");
        List<String> out = lines();
        synchronized (lines) {
            out.add("");
            out.add("---- the first " + traces.size() + " stack traces ----");
            out.addAll(traces);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, out);
            System.out.println(name + ": the log of the fault and after is in " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println(name + ": cannot write the captured log to " + file + ": " + e);
        }
    }

    /** Gives the console back and restores the levels. */
    @Override
    public void close() {
        root.removeAppender(capture.getName());
        detached.forEach((name, appender) -> root.addAppender(appender, null, null));
        levels.forEach((name, level) -> Configurator.setLevel(name, level));
        context.updateLoggers();
        capture.stop();
    }
}
