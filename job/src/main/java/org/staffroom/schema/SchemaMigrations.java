package org.staffroom.schema;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.staffroom.options.JdbcOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Applies the versioned migrations of {@code sql/} (shipped as classpath:db/migration) with Flyway.
 * Run it before the job: {@code java -cp staffroom-job.jar org.staffroom.schema.SchemaMigrations}.
 */
@Command(name = "staffroom-schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates or upgrades Staffroom's tables in PostgreSQL. Run it as the schema's owner.")
public final class SchemaMigrations implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Mixin
    JdbcOptions jdbc;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Brings the database to the newest schema; returns how many migrations ran. */
    public static int apply(String url, String user, String password) {
        return migrate(Flyway.configure().dataSource(url, user, password));
    }

    /** The same with every connection setting of the options, TLS included. */
    public static int apply(JdbcOptions jdbc) throws SQLException {
        DataSource dataSource = jdbc.dataSource();
        return migrate(Flyway.configure().dataSource(dataSource));
    }

    private static int migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        return flyway.locations("classpath:db/migration").load().migrate().migrationsExecuted;
    }

    @Override
    public Integer call() {
        try {
            jdbc.validate();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            int applied = apply(jdbc);
            spec.commandLine().getOut().println("staffroom-schema: " + applied + " migration(s) applied to "
                    + jdbc.url());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (SQLException | FlywayException e) {
            spec.commandLine().getErr().println("staffroom-schema: " + reason(e));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** The database's own words (Flyway wraps them in a page of context), TLS failures in the options' terms. */
    private String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return jdbc.explained(sql).getMessage();
            }
        }
        return e.getMessage();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SchemaMigrations()).execute(args));
    }
}
