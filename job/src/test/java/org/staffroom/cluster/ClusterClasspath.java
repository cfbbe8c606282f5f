package org.staffroom.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classpath of the standalone cluster's JVMs, the stand-in for a Flink distribution's {@code lib/}. Built by
 * maven-dependency-plugin in {@code pre-integration-test} (see job/pom.xml) into {@code target/cluster/}:
 * <ul>
 *   <li>{@code provided.classpath}: the job's {@code provided} dependencies, i.e. the Flink runtime the job
 *       compiles against and a cluster provides;</li>
 *   <li>{@code dist-extras.classpath}: what flink-dist carries besides, which Maven puts in the job's compile or
 *       runtime scope because the connectors need it too (commons-lang3, snappy, lz4), and flink-dist's log4j
 *       backend;</li>
 *   <li>{@code lib/*.jar}: flink-runtime-web, whose REST handlers take jar uploads and runs.</li>
 * </ul>
 * Nothing of the job: not its classes, not the connectors, the driver or Jackson, which the shaded jar must bring.
 */
final class ClusterClasspath {
    /** Classes the job needs that a Flink cluster does not have: the jar must bring them. */
    static final List<String> JOB_ONLY_CLASSES = List.of(
            "org/staffroom/StaffroomMain.class",
            "org/apache/flink/connector/kafka/source/KafkaSource.class",
            "org/apache/kafka/clients/consumer/KafkaConsumer.class",
            "org/apache/flink/connector/jdbc/JdbcConnectionOptions.class",
            "org/postgresql/Driver.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "picocli/CommandLine.class");
    /** Packages of which no class at all may be on the cluster's classpath. */
    static final List<String> JOB_ONLY_PACKAGES = List.of(
            "org/staffroom/", "org/apache/flink/connector/kafka/", "org/apache/flink/connector/jdbc/",
            "org/apache/kafka/", "org/postgresql/", "com/fasterxml/jackson/databind/");

    private ClusterClasspath() {}

    /** The cluster's classpath entries; fails with what to run when the files are missing. */
    static List<Path> load(Path targetDir) {
        Path dir = targetDir.resolve("cluster");
        Set<Path> entries = new LinkedHashSet<>();
        for (String file : List.of("provided.classpath", "dist-extras.classpath")) {
            Path list = dir.resolve(file);
            if (!Files.isRegularFile(list)) {
                throw new IllegalStateException(list + " is missing: it is written by maven-dependency-plugin in the "
                        + "pre-integration-test phase; run the test with `mvn -pl job verify`");
            }
            try {
                Arrays.stream(Files.readString(list).trim().split(java.io.File.pathSeparator))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve("lib") + " is missing (maven-dependency-plugin copies "
                    + "flink-runtime-web there in pre-integration-test)", e);
        }
        return List.copyOf(entries);
    }

    /**
     * What in {@code entries} belongs to the job rather than to Flink: directories (such as target/classes),
     * missing files, and jars holding any of {@link #JOB_ONLY_CLASSES} or a class of {@link #JOB_ONLY_PACKAGES};
     * one line each, empty when the classpath is a clean Flink runtime.
     */
    static List<String> jobCodeOn(List<Path> entries) {
        List<String> problems = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
                problems.add(entry + ": not a jar file");
                continue;
            }
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && JOB_ONLY_PACKAGES.stream().anyMatch(name::startsWith)) {
                        problems.add(entry + " holds " + name);
                        break;
                    }
                }
                for (String cls : JOB_ONLY_CLASSES) {
                    if (zip.getEntry(cls) != null) {
                        problems.add(entry + " holds " + cls);
                    }
                }
            } catch (IOException e) {
                problems.add(entry + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return problems;
    }

    /** Which of {@link #JOB_ONLY_CLASSES} the jar lacks. */
    static List<String> missingFrom(Path jar) throws IOException {
        List<String> missing = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String cls : JOB_ONLY_CLASSES) {
                if (zip.getEntry(cls) == null) {
                    missing.add(cls);
                }
            }
        }
        return missing;
    }

    /** The entries joined as a {@code -classpath} value. */
    static String asArgument(List<Path> entries) {
        return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}
