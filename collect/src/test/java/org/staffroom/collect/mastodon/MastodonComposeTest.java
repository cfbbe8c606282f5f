package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffroom.collect.CollectCli;
import org.staffroom.deploy.Compose;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** docker-compose's {@code collect-mastodon} gives {@code collect mastodon} options its own rules accept. */
class MastodonComposeTest {

    @Test
    void theComposeServiceRunsWithOptionsTheCollectorAccepts() {
        Compose compose = Compose.load(Compose.repositoryRoot().resolve("docker-compose.yml"), Map.of());
        List<String> command = Compose.arguments(compose.service("collect-mastodon").path("command"));
        List<String> args = command.subList(command.indexOf(CollectCli.class.getName()) + 1, command.size());

        ParseResult parsed = new CommandLine(new CollectCli()).parseArgs(args.toArray(new String[0])).subcommand();
        MastodonCollector.Settings settings = ((MastodonCommand) parsed.commandSpec().userObject()).settings();

        assertThat(settings.servers()).extracting(MastodonServer::base).extracting(Object::toString)
                .containsExactly("https://mastodon.social", "https://mastodon.online");
        assertThat(settings.tags()).containsExactly("ukedchat", "sltchat", "primedchat");
        assertThat(settings.accessTokens()).isEmpty();
    }
}
