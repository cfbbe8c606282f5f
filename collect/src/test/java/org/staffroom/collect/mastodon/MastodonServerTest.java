package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MastodonServerTest {

    @Test
    void aHostNameIsAnHttpsServerWhoseHostIsItsAccountDomain() {
        assertThat(MastodonServer.parse("mastodon.social"))
                .isEqualTo(new MastodonServer("mastodon.social", URI.create("https://mastodon.social"), "mastodon.social"));
    }

    @Test
    void aRootUrlKeepsItsSchemeAndPortAndItsDomainIsTheHost() {
        MastodonServer server = MastodonServer.parse("http://127.0.0.1:8080/");

        assertThat(server).isEqualTo(new MastodonServer("127.0.0.1:8080", URI.create("http://127.0.0.1:8080"),
                "127.0.0.1"));
        assertThat(server.resolve("/api/v1/streaming/hashtag?tag=ukedchat"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/v1/streaming/hashtag?tag=ukedchat"));
    }

    @Test
    void aPathAQueryOrAnotherSchemeIsRefused() {
        for (String spec : new String[] {"https://mastodon.social/web", "mastodon.social/?x=1", "ftp://mastodon.social"}) {
            assertThatThrownBy(() -> MastodonServer.parse(spec)).as(spec).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'" + spec + "' is not a server");
        }
    }
}
