package org.staffroom.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings from a properties file (SASL, TLS, timeouts), for clusters that need
 * them. Values may be secrets (sasl.jaas.config, ssl.*.password), so only the keys are ever shown.
 */
public final class KafkaProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final Map<String, String> values;

    private KafkaProperties(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    static KafkaProperties read(Path file) {
        Map<String, String> values = new TreeMap<>();
        if (file != null) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // the parser's message may quote a line of the file, which may hold a secret
                throw new IllegalArgumentException("--kafka-properties " + file + " cannot be read as a properties "
                        + "file (" + e.getClass().getSimpleName() + ")");
            }
            props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        }
        return new KafkaProperties(file, values);
    }

    public Map<String, String> values() {
        return values;
    }

    /** The keys and where they come from; never the values. */
    @Override
    public String toString() {
        return file == null ? "kafka-properties=none" : "kafka-properties=" + file + " " + values.keySet();
    }
}
