package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Catching up on a hashtag after a gap, from its timeline: the statuses newer than the last one
 * seen, oldest pages first. The first page is the one just after the last id ({@code min_id}:
 * {@code since_id} would give the newest page and leave a hole behind it when the gap holds more
 * than a page); each next page is the answer's {@code Link rel="prev"}, the newer ones. A page
 * comes newest first: its statuses are delivered in {@code created_at} order, so the job sees
 * the gap's posts as they were written.
 */
final class TagTimeline {
    /** The most a Mastodon server gives in one page. */
    static final int MAX_PAGE_SIZE = 40;

    private static final Comparator<JsonNode> CREATION_ORDER = Comparator
            .comparing(TagTimeline::createdAt)
            .thenComparing(status -> status.path("id").asText(), StatusIds.ORDER);

    /** Takes the statuses of a catch-up, one by one. */
    interface StatusConsumer {
        void accept(JsonNode status) throws InterruptedException;
    }

    private final MastodonApi api;
    private final int pageSize;

    TagTimeline(MastodonApi api, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a timeline page holds 1 to " + MAX_PAGE_SIZE + " statuses, not " + pageSize);
        }
        this.api = api;
        this.pageSize = pageSize;
    }

    /** Delivers every status of {@code tag} newer than {@code lastSeenId}, oldest first. */
    void catchUp(String tag, String lastSeenId, StatusConsumer deliver) throws IOException, InterruptedException {
        String position = lastSeenId;
        Optional<URI> page = Optional.of(api.firstPageAfter(tag, lastSeenId, pageSize));
        while (page.isPresent()) {
            MastodonApi.TimelinePage answer = api.timelinePage(page.get());
            List<JsonNode> newer = inCreationOrder(answer.statuses(), position);
            // an empty page is the present; a server that ignores min_id repeats what was seen
            if (newer.isEmpty()) {
                break;
            }
            for (JsonNode status : newer) {
                deliver.accept(status);
                position = StatusIds.later(position, status.path("id").asText());
            }
            page = answer.newer();
        }
    }

    /** The statuses of a page with an id after {@code afterId}, oldest first. */
    static List<JsonNode> inCreationOrder(JsonNode page, String afterId) {
        List<JsonNode> newer = new ArrayList<>();
        for (JsonNode status : page) {
            if (StatusIds.isAfter(status.path("id").asText(), afterId)) {
                newer.add(status);
            }
        }
        newer.sort(CREATION_ORDER);
        return newer;
    }

    /** A status whose time cannot be read goes first: the converter rejects it with the field named. */
    private static Instant createdAt(JsonNode status) {
        try {
            return Instant.parse(status.path("created_at").asText());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
