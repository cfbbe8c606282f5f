package org.staffroom.platforms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A platform's report that a post was deleted, Staffroom's extension of the contract's input:
 * {@code {"deleted": true, "platform": "bluesky", "id": "at://…", "createdAt": "…"}}. It names the
 * post as its post event does ({@code platform}, {@code id}); {@code createdAt}, when the platform
 * reported the deletion, may be absent. A job that predates it rejects it for lacking
 * {@code author.id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"deleted", "platform", "id", "createdAt"})
public final class DeletionEvent {
    public final boolean deleted = true;
    public final String platform;
    public final String id;
    public final String createdAt;

    /** {@code createdAt}: when the deletion was reported, ISO-8601; null when unknown. */
    public DeletionEvent(String platform, String id, String createdAt) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt;
    }

    public String toJson() {
        return EventJson.write(this);
    }

    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
