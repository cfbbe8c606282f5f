package org.staffroom;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The job's packages import downwards only: wiring → config → the domain packages → support and
 * model → the state package's formats. An upward import fails the build, naming the class and the
 * dependency.
 */
@AnalyzeClasses(packagesOf = StaffroomJob.class,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.JobModuleOnly.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // StaffroomJob and StaffroomMain put the pieces together: nothing builds on them
            .layer("Wiring").definedBy("org.staffroom")
            // the command line, read into the settings each domain package takes: domain code never sees a flag
            .layer("Config").definedBy("org.staffroom.config..")
            // what the job does, each package one role of it
            .layer("Domain").definedBy("org.staffroom.parse..", "org.staffroom.source..", "org.staffroom.dedup..",
                    "org.staffroom.windows..", "org.staffroom.chats..", "org.staffroom.metrics..",
                    "org.staffroom.sink..", "org.staffroom.schema..")
            // neutral tools the domain and the config share: duration spelling, how to reach PostgreSQL
            .layer("Support").definedBy("org.staffroom.options..")
            // the records that flow between operators: everything may use them, and they the formats only
            .layer("Model").definedBy("org.staffroom.model..")
            // state helpers and the compact formats of state and of the records between operators
            .layer("Formats").definedBy("org.staffroom.state..")
            .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Config", "Wiring")
            .whereLayer("Support").mayOnlyBeAccessedByLayers("Domain", "Config", "Wiring")
            .whereLayer("Model").mayOnlyAccessLayers("Model", "Formats")
            .whereLayer("Formats").mayOnlyAccessLayers("Formats")
            .because("a package must be understandable and testable without the ones built on it");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.staffroom.(*)..").should().beFreeOfCycles()
            .because("packages that need each other are one package, whatever their names say");

    /** Only this module's classes: datagen and embedded, on the test classpath, share the org.staffroom root. */
    static final class JobModuleOnly implements ImportOption {
        private static final String JOB_CLASSES =
                StaffroomJob.class.getProtectionDomain().getCodeSource().getLocation().toString();

        @Override
        public boolean includes(Location location) {
            return location.asURI().toString().contains(JOB_CLASSES);
        }
    }
}
