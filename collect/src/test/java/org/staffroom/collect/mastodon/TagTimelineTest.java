package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagTimelineTest {
    private TestMastodonServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestMastodonServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void catchUpPagesForwardFromTheLastIdAndDeliversEachPageInCreationOrder() throws Exception {
        // 1003 was written before 1002 (ids are given as statuses arrive; a remote one can arrive late)
        server.timeline("ukedchat", List.of(
                status("1001", "20:01"), status("1002", "20:03"), status("1003", "20:02"),
                status("1004", "20:04"), status("1005", "20:05")));
        List<String> delivered = new ArrayList<>();

        timeline(Optional.empty(), 2).catchUp("ukedchat", "1001",
                s -> delivered.add(s.get("id").asText()));

        assertThat(delivered).containsExactly("1003", "1002", "1004", "1005");
        // the first page just after 1001, then each answer's Link rel="prev", until an empty page
        assertThat(server.timelineQueries()).containsExactly("min_id=1001&limit=2", "limit=2&min_id=1003",
                "limit=2&min_id=1005");
    }

    @Test
    void nothingNewerIsOneEmptyPage() throws Exception {
        server.timeline("ukedchat", List.of(status("1001", "20:01")));
        List<JsonNode> delivered = new ArrayList<>();

        timeline(Optional.empty(), 40).catchUp("ukedchat", "1001", delivered::add);

        assertThat(delivered).isEmpty();
        assertThat(server.timelineQueries()).containsExactly("min_id=1001&limit=40");
    }

    @Test
    void aPageKeepsOnlyStatusesAfterThePositionOldestFirst() {
        // a server that ignores min_id answers with its newest page, what was seen included
        ArrayNode page = new ObjectMapper().createArrayNode()
                .add(status("999", "20:09")).add(status("1000", "20:00")).add(status("998", "20:08"));

        assertThat(TagTimeline.inCreationOrder(page, "998")).extracting(s -> s.get("id").asText())
                .containsExactly("1000", "999");
        assertThat(TagTimeline.inCreationOrder(page, "1000")).isEmpty();
    }

    @Test
    void theTokenGoesAsBearerAndItsAbsenceIsNamed() throws Exception {
        server.requireToken("s3cret");
        server.timeline("ukedchat", List.of(status("1002", "20:02")));
        List<JsonNode> delivered = new ArrayList<>();

        timeline(Optional.of("s3cret"), 40).catchUp("ukedchat", "1001", delivered::add);

        assertThat(delivered).hasSize(1);
        assertThatThrownBy(() -> timeline(Optional.empty(), 40).catchUp("ukedchat", "1001", delivered::add))
                .isInstanceOf(IOException.class)
                .hasMessage("GET " + server.url() + "/api/v1/timelines/tag/ukedchat?min_id=1001&limit=40: HTTP 401 "
                        + "(this server wants an access token: --access-token-file): "
                        + "{\"error\":\"The access token is invalid\"}");
    }

    private TagTimeline timeline(Optional<String> token, int pageSize) {
        MastodonApi api = new MastodonApi(MastodonApi.newHttpClient(), MastodonServer.parse(server.url()), token);
        return new TagTimeline(api, pageSize);
    }

    private static ObjectNode status(String id, String time) {
        return TestStatuses.status(id, "https://school.example/users/ann/statuses/" + id,
                "2024-11-21T" + time + ":00.000Z", "ann@school.example", "school.example", 10, "Hello", "ukedchat");
    }
}
