package org.staffroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;

/**
 * What the job runs against, started one way for the tests, the local stack and the benchmarks: a
 * real Kafka broker ({@link EmbeddedKafka}, in this JVM) and a real PostgreSQL server
 * ({@link EmbeddedPostgres}, a child process) or the user's own database instead, every database
 * handed out with the schema applied, and the job's password in a file only its owner may read.
 *
 * <p>If a step of {@link Builder#start()} fails, whatever had started is stopped before the failure
 * is thrown; {@link #close()} stops each service by its own handle even if another one's close
 * throws.
 */
public final class SupportServices implements AutoCloseable {

    /**
     * How a new database gets its tables. The job's migrations ({@code SchemaMigrations::apply})
     * live in the module that depends on this one, so the caller hands them in.
     */
    @FunctionalInterface
    public interface Schema {
        void apply(String url, String user, String password) throws Exception;
    }

    /** Unquoted PostgreSQL identifiers: they are written into SQL, and upper case would be folded. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Options options;
    private final String loginPassword;
    // set as each starts: close() stops what has
    private EmbeddedKafka kafka;
    private EmbeddedPostgres postgres;
    private Path passwordFile;
    private Database database;
    private boolean closed;

    private SupportServices(Options options) {
        this.options = options;
        this.loginPassword = options.loginRole() == null ? null
                : "pw-" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Options whose defaults are a temporary PostgreSQL, no topic, no database named, and the job
     * connecting as the databases' owner.
     */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    private void startEach() {
        options.progress().accept("starting Kafka (KRaft, one node)");
        kafka = EmbeddedKafka.start();
        options.topics().forEach(kafka::createTopic);
        if (options.external() == null) {
            Path dataDirectory = options.postgresDataDirectory();
            options.progress().accept("starting PostgreSQL"
                    + (dataDirectory == null ? "" : " with its data in " + dataDirectory));
            postgres = EmbeddedPostgres.start(dataDirectory);
        }
        passwordFile = writePasswordFile(jobPassword());
        if (options.external() != null) {
            applySchema(options.external());
            database = options.external();
        } else if (options.databaseName() != null) {
            database = database(options.databaseName());
        }
    }

    /** The broker. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The embedded PostgreSQL server; there is none when the user's own database was given. */
    public EmbeddedPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL: the database is the user's own, "
                    + options.external().url());
        }
        return postgres;
    }

    /** The database named by {@link Builder#database} or given by {@link Builder#externalDatabase}. */
    public Database database() {
        if (database == null) {
            throw new IllegalStateException("no database was named when these services were built");
        }
        return database;
    }

    /**
     * The database {@code name} on the embedded server, created if it does not exist yet, with the
     * schema applied (again: migrations are idempotent) and the {@link Builder#login login}, if any,
     * in place. Its user is the owner.
     */
    public synchronized Database database(String name) {
        requireIdentifier("database name", name);
        EmbeddedPostgres server = postgres();
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        Database created = new Database("jdbc:postgresql://localhost:" + server.port() + "/" + name,
                server.user(), server.password());
        applySchema(created);
        if (options.loginRole() != null) {
            createLogin(server);
        }
        return created;
    }

    /** The role the job connects as: the login of {@link Builder#login}, else the database's owner. */
    public String jobUser() {
        if (options.loginRole() != null) {
            return options.loginRole();
        }
        return options.external() != null ? options.external().user() : postgres.user();
    }

    /** The password of {@link #jobUser()}; null for none. */
    public String jobPassword() {
        if (options.loginRole() != null) {
            return loginPassword;
        }
        return options.external() != null ? options.external().password() : postgres.password();
    }

    /** A file holding {@link #jobPassword()} (empty for none), readable by its owner only; deleted on close. */
    public Path passwordFile() {
        return passwordFile;
    }

    private void applySchema(Database target) {
        options.progress().accept("applying the schema to " + target.url());
        try {
            options.schema().apply(target.url(), target.user(), target.password());
        } catch (Exception e) {
            throw new IllegalStateException("cannot apply the schema to " + target.url(), e);
        }
    }

    /** Roles belong to the server, not to a database: created with the first database. */
    private void createLogin(EmbeddedPostgres server) {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + options.loginRole()
                    + "') THEN CREATE ROLE " + options.loginRole() + " LOGIN PASSWORD '" + loginPassword + "' IN ROLE "
                    + options.loginGroup() + "; END IF; END $$");
        } catch (SQLException e) {
            // PostgreSQL's primary message only: its context quotes the statement, password included
            String reason = e instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage() : "SQLSTATE " + e.getSQLState();
            throw new IllegalStateException("cannot create the login role " + options.loginRole() + " in "
                    + options.loginGroup() + ": " + reason);
        }
    }

    private static Path writePasswordFile(String password) {
        try {
            Path file = Files.createTempFile("staffroom-jdbc-", ".pw",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, password == null ? "" : password, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the database password file", e);
        }
    }

    /** Deletes the password file and stops PostgreSQL and Kafka, each even if another step fails. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        if (passwordFile != null) {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                failures.add(new UncheckedIOException("cannot delete " + passwordFile, e));
            }
        }
        stop(postgres, failures);
        stop(kafka, failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * Closes these services after {@code failure} of what was being built on them, which the caller
     * then throws; a failure to close is added to it rather than hiding it.
     */
    public void closeAfter(Throwable failure) {
        try {
            close();
        } catch (RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static void stop(AutoCloseable service, List<RuntimeException> failures) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (RuntimeException e) {
            failures.add(e);
        } catch (Exception e) {
            failures.add(new IllegalStateException("cannot stop " + service, e));
        }
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case PostgreSQL identifier"
                    + " (letters, digits, _; at most 63): '" + value + "'");
        }
    }

    /** The builder's choices, fixed at start. */
    private record Options(Schema schema, Map<String, Integer> topics, Path postgresDataDirectory, Database external,
            String databaseName, String loginRole, String loginGroup, Consumer<String> progress) {
    }

    /** What differs between the callers; {@link #start()} starts the services. */
    public static final class Builder {
        private final Schema schema;
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private Path postgresDataDirectory;
        private Database external;
        private String databaseName;
        private String loginRole;
        private String loginGroup;
        private Consumer<String> progress = step -> { };

        private Builder(Schema schema) {
            if (schema == null) {
                throw new IllegalArgumentException("a schema step is required: every database handed out gets it");
            }
            this.schema = schema;
        }

        /** A topic created once the broker is up. */
        public Builder topic(String name, int partitions) {
            if (name == null || name.isBlank() || partitions < 1) {
                throw new IllegalArgumentException("a topic needs a name and at least 1 partition: '" + name
                        + "', " + partitions);
            }
            topics.put(name, partitions);
            return this;
        }

        /** Keep PostgreSQL's data in {@code dir} (reused on the next start); null for a temporary one. */
        public Builder postgresDataDirectory(Path dir) {
            this.postgresDataDirectory = dir;
            return this;
        }

        /** The database {@link #database()} returns, created on the embedded server at start if missing. */
        public Builder database(String name) {
            requireIdentifier("database name", name);
            this.databaseName = name;
            return this;
        }

        /** Use the user's own database (the schema is applied there) instead of starting PostgreSQL. */
        public Builder externalDatabase(Database database) {
            if (database == null || database.url() == null) {
                throw new IllegalArgumentException("an external database needs a JDBC URL");
            }
            this.external = database;
            return this;
        }

        /**
         * The job connects as {@code role}, a login in {@code group} (contract §5: the schema's writer
         * role, which the schema creates) with a generated password, created with each database.
         */
        public Builder login(String role, String group) {
            requireIdentifier("login role", role);
            requireIdentifier("login group", group);
            this.loginRole = role;
            this.loginGroup = group;
            return this;
        }

        /** Told each step as it begins ("starting PostgreSQL", …), for a console. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress == null ? step -> { } : progress;
            return this;
        }

        /**
         * Starts the broker, then PostgreSQL, writes the password file and prepares the named
         * database; on a failure, stops what had started and throws.
         */
        public SupportServices start() {
            if (external != null && (postgresDataDirectory != null || databaseName != null || loginRole != null)) {
                throw new IllegalArgumentException("with an external database there is no embedded PostgreSQL:"
                        + " a data directory, a database name or a login apply to the embedded server only");
            }
            SupportServices services = new SupportServices(new Options(schema, new LinkedHashMap<>(topics),
                    postgresDataDirectory, external, databaseName, loginRole, loginGroup, progress));
            try {
                services.startEach();
                return services;
            } catch (RuntimeException | Error e) {
                services.closeAfter(e);
                throw e;
            }
        }
    }
}
