package org.staffroom.config;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings from a properties file (SASL, TLS, timeouts), for clusters that need
 * them. Values may be secrets (sasl.jaas.config, ssl.*.password), so only the keys are ever shown.
 *
 * <p>These settings travel in the job graph, which whoever can read the JobManager can read. A
 * secret is better given as a reference that the Kafka client resolves itself where it runs, e.g.
 * {@code sasl.jaas.config=${file:/etc/staffroom/kafka.secrets:sasl.jaas.config}}: a value using
 * {@code ${file:…}} gets Kafka's {@code FileConfigProvider} declared, unless the file declares
 * {@code config.providers} itself.
 */
public final class KafkaProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String CONFIG_PROVIDERS = "config.providers";
    private static final String FILE_REFERENCE = "${file:";
    private static final String FILE_PROVIDER_CLASS = "org.apache.kafka.common.config.provider.FileConfigProvider";

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
        if (!values.containsKey(CONFIG_PROVIDERS) && values.values().stream().anyMatch(v -> v.contains(FILE_REFERENCE))) {
            values.put(CONFIG_PROVIDERS, "file");
            values.put(CONFIG_PROVIDERS + ".file.class", FILE_PROVIDER_CLASS);
        }
        return new KafkaProperties(file, values);
    }

    /**
     * The keys whose values look secret ({@code sasl.jaas.config}, {@code *.password}) and are given
     * literally, not as a reference a config provider resolves ({@code ${file:…}}, {@code ${env:…}}).
     */
    public List<String> literalSecrets() {
        return values.entrySet().stream()
                .filter(e -> e.getKey().equals("sasl.jaas.config") || e.getKey().endsWith(".password"))
                .filter(e -> !e.getValue().contains("${"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** One line on {@code err} when a secret is given literally: the keys, never the values. */
    public void warnOfLiteralSecrets(PrintStream err) {
        List<String> keys = literalSecrets();
        if (!keys.isEmpty()) {
            err.println("staffroom-job: warning: --kafka-properties " + file + " gives " + String.join(", ", keys)
                    + " literally, so it travels in the job graph; reference a file the Kafka client reads where it"
                    + " runs instead, e.g. sasl.jaas.config=${file:/etc/staffroom/kafka.secrets:sasl.jaas.config}");
        }
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
