package org.staffroom.options;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the database password is, not the password: what travels in the job graph (readable by
 * whoever can read the graph from the JobManager), so that each TaskManager reads the secret itself.
 *
 * @param file the password file (its first line), or null
 * @param env  the environment variable to read when there is no file; unset means no password
 */
public record PasswordSource(String file, String env) implements Serializable {

    /** The password, read now, where this runs; null when there is none. */
    public String read() {
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
                return lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --jdbc-password-file " + file, e);
            }
        }
        return env == null ? null : System.getenv(env);
    }
}
