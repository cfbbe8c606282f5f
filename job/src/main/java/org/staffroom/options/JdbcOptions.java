package org.staffroom.options;

import static org.staffroom.options.OptionChecks.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
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

    @Option(names = "--jdbc-ssl-mode", defaultValue = "prefer", paramLabel = "MODE",
            description = "TLS to PostgreSQL: disable, allow, prefer, require, verify-ca or verify-full "
                    + "(default: ${DEFAULT-VALUE}).")
    String sslMode;

    @Option(names = "--jdbc-ssl-root-cert", paramLabel = "FILE",
            description = "CA certificate (PEM) to verify the server with, for verify-ca and verify-full.")
    Path sslRootCert;

    public void validate() {
        require(url.startsWith("jdbc:postgresql:"), "--jdbc-url must start with jdbc:postgresql: "
                + "(got '" + url.replaceAll("password=[^&]*", "password=***") + "')");
        require(!url.contains("password="), "--jdbc-url must not carry a password: use "
                + "--jdbc-password-env or --jdbc-password-file");
        if (passwordFile != null) {
            require(Files.isReadable(passwordFile), "--jdbc-password-file " + passwordFile
                    + " does not exist or cannot be read");
        }
        require(SSL_MODES.contains(sslMode), "--jdbc-ssl-mode must be one of " + SSL_MODES
                + ", got '" + sslMode + "'");
        if (sslRootCert != null) {
            require(Files.isReadable(sslRootCert), "--jdbc-ssl-root-cert " + sslRootCert
                    + " does not exist or cannot be read");
        }
    }

    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** The driver's connection properties beyond URL, user and password: the TLS settings. */
    public Map<String, String> driverProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sslmode", sslMode);
        if (sslRootCert != null) {
            props.put("sslrootcert", sslRootCert.toString());
        }
        return props;
    }

    /** A connection with every setting, for the job's own statements outside the sinks. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.putAll(driverProperties());
        props.put("user", user);
        String password = password();
        if (password != null) {
            props.put("password", password);
        }
        // not DriverManager: it keeps the driver of the first job's class loader and refuses it to
        // every later job submitted to the same JobManager ("No suitable driver")
        Connection connection;
        try {
            connection = new org.postgresql.Driver().connect(url, props);
        } catch (SQLException e) {
            throw explained(e);
        }
        if (connection == null) {
            throw new SQLException("--jdbc-url " + url + " is not a PostgreSQL URL");
        }
        return connection;
    }

    /** Every setting as a data source, for tools that open their own connections (Flyway). */
    public DataSource dataSource() throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password());
        for (Map.Entry<String, String> p : driverProperties().entrySet()) {
            ds.setProperty(p.getKey(), p.getValue());
        }
        return ds;
    }

    /**
     * A failure to connect, told in the options' terms when TLS is its cause: the driver speaks of
     * Java's certificate paths ("PKIX path building failed"), not of the options that chose them.
     */
    public SQLException explained(SQLException e) {
        String problem = null;
        for (Throwable t = e; t != null && problem == null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                problem = "the server's certificate is not signed by " + (sslRootCert == null
                        ? "a CA of the driver's default root certificate file (~/.postgresql/root.crt)"
                        : "the CA of --jdbc-ssl-root-cert " + sslRootCert);
            }
        }
        for (Throwable t = e; t != null && problem == null; t = t.getCause()) {
            if (t instanceof SSLException) {
                problem = "the TLS handshake failed";
            }
        }
        if (problem == null) {
            return e;
        }
        return new SQLException("cannot connect to " + url + " with --jdbc-ssl-mode " + sslMode + ": " + problem
                + " (" + e.getMessage() + ")", e.getSQLState(), e);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The password from --jdbc-password-file, else from the --jdbc-password-env variable, else none. */
    public String password() {
        return passwordSource().read();
    }

    /** Where the password is, for code that reads it elsewhere (the sinks, on the TaskManagers). */
    public PasswordSource passwordSource() {
        return new PasswordSource(passwordFile == null ? null : passwordFile.toAbsolutePath().toString(), passwordEnv);
    }

    /** For logs: where the password comes from, never the password. */
    @Override
    public String toString() {
        return "jdbc=" + url + " user=" + user + " sslmode=" + sslMode + " password from "
                + (passwordFile != null ? "file " + passwordFile : "$" + passwordEnv);
    }
}
