package org.staffroom.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How to reach PostgreSQL: shared by the job and the schema tool. The password is never a flag
 * value (process lists and logs would show it): it comes from a file or an environment variable.
 */
public final class JdbcOptions {
    @Option(names = "--jdbc-url", defaultValue = "jdbc:postgresql://localhost:5432/staffroom",
            description = "PostgreSQL to write to (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--jdbc-user", defaultValue = "staffroom", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--jdbc-password-env", defaultValue = "STAFFROOM_JDBC_PASSWORD", paramLabel = "VARIABLE",
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}; "
                    + "unset means no password).")
    String passwordEnv;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE",
            description = "File holding the database password (first line); takes precedence over the variable.")
    Path passwordFile;

    void validate() {
        StaffroomConfig.require(url.startsWith("jdbc:postgresql:"), "--jdbc-url must start with jdbc:postgresql: "
                + "(got '" + url.replaceAll("password=[^&]*", "password=***") + "')");
        StaffroomConfig.require(!url.contains("password="), "--jdbc-url must not carry a password: use "
                + "--jdbc-password-env or --jdbc-password-file");
        if (passwordFile != null) {
            StaffroomConfig.require(Files.isReadable(passwordFile), "--jdbc-password-file " + passwordFile
                    + " does not exist or cannot be read");
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The password from --jdbc-password-file, else from the --jdbc-password-env variable, else none. */
    public String password() {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                return lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read --jdbc-password-file " + passwordFile, e);
            }
        }
        return System.getenv(passwordEnv);
    }

    /** For logs: where the password comes from, never the password. */
    @Override
    public String toString() {
        return "jdbc=" + url + " user=" + user + " password from "
                + (passwordFile != null ? "file " + passwordFile : "$" + passwordEnv);
    }
}
