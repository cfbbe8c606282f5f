package org.staffroom;

import org.staffroom.config.StaffroomConfig;

/**
 * The jar's entry point. It touches no Flink class before the command line is valid, so
 * {@code java -jar staffroom-job.jar --help} works without a Flink installation.
 */
public final class StaffroomMain {
    private StaffroomMain() {}

    public static void main(String[] args) throws Exception {
        StaffroomConfig.Parsed parsed = StaffroomConfig.parse(args);
        if (parsed.config == null) {
            (parsed.exitCode == 0 ? System.out : System.err).print(parsed.message);
            System.exit(parsed.exitCode);
            return;
        }
        StaffroomJob.run(parsed.config);
    }
}
