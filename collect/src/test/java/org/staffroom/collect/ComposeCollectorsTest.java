package org.staffroom.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffroom.deploy.Compose;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The collectors' command lines in docker-compose.yml, parsed by the collectors' own command line
 * (the job's {@code ComposeFileTest} checks the rest of the services, and cannot see this module).
 */
class ComposeCollectorsTest {

    @Test
    void theBlueskyCollectorsOptionsAreOnesItAccepts() {
        ParseResult parsed = collector("collect-bluesky");

        assertThat(parsed.commandSpec().name()).isEqualTo("bluesky");
        assertThat(parsed.matchedOptionValue("--hashtags", List.of())).containsExactly("ukedchat", "sltchat",
                "primedchat", "edusky");
        assertThat(parsed.matchedOptionValue("--cursor-file", null).toString()).isEqualTo("/data/bluesky.cursor");
    }

    @Test
    void theMastodonCollectorsOptionsAreOnesItAccepts() {
        ParseResult parsed = collector("collect-mastodon");

        assertThat(parsed.commandSpec().name()).isEqualTo("mastodon");
        assertThat(parsed.matchedOptionValue("--servers", List.of())).containsExactly("mastodon.social",
                "mastodon.online");
        assertThat(parsed.matchedOptionValue("--hashtags", List.of())).containsExactly("ukedchat", "sltchat",
                "primedchat", "edusky");
        assertThat(parsed.matchedOptionValue("--state-file", null).toString()).isEqualTo("/data/mastodon.state");
    }

    /** The service's command, from the collectors' main class on, parsed: its subcommand's result. */
    private static ParseResult collector(String service) {
        Compose compose = Compose.load(Compose.repositoryRoot().resolve("docker-compose.yml"), Map.of());
        List<String> command = Compose.arguments(compose.service(service).path("command"));
        assertThat(command.get(3)).isEqualTo(CollectCli.class.getName());
        List<String> args = command.subList(4, command.size());
        return new CommandLine(new CollectCli()).parseArgs(args.toArray(new String[0])).subcommand();
    }
}
