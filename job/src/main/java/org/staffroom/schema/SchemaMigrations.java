package org.staffroom.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.staffroom.options.JdbcOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Applies the versioned migrations of {@code sql/} (shipped as classpath:db/migration) with Flyway.
 * Run it before the job: {@code java -cp staffroom-job.jar org.staffroom.schema.SchemaMigrations}.
 */
@Command(name = "staffroom-schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates or upgrades Staffroom's tables in PostgreSQL.")
public final class SchemaMigrations implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Mixin
    JdbcOptions jdbc;

    /** Brings the database to the newest schema; returns how many migrations ran. */
    public static int apply(String url, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    @Override
    public Integer call() {
        int applied = apply(jdbc.url(), jdbc.user(), jdbc.password());
        System.out.println("staffroom-schema: " + applied + " migration(s) applied to " + jdbc.url());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SchemaMigrations()).execute(args));
    }
}
