package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each hashtag stream is: the id of the last status of each (server, tag) that Kafka has
 * acknowledged, kept in a JSON file {@code {"mastodon.social": {"ukedchat": "113…"}}} so that a
 * restarted collector catches up from there. The file is replaced whole (written beside it, then
 * moved over it), so a crash leaves the old or the new positions, never half of them. Entries of
 * servers and tags no longer asked stay, for a later run that asks them again.
 */
final class ResumePositions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final Map<String, Map<String, String>> saved = new TreeMap<>();
    private final Map<String, Map<String, String>> pending = new TreeMap<>();

    private ResumePositions(Optional<Path> file) {
        this.file = file;
    }

    /** Positions only for this run: nothing is read or saved. */
    static ResumePositions inMemory() {
        return new ResumePositions(Optional.empty());
    }

    /** The positions of {@code file}, none if it does not exist yet; throws with the file named when it cannot be read. */
    static ResumePositions load(Path file) {
        ResumePositions positions = new ResumePositions(Optional.of(file));
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return positions;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not the collector's state (JSON): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not the collector's state: expected an object of servers");
        }
        for (Iterator<Map.Entry<String, JsonNode>> servers = root.fields(); servers.hasNext(); ) {
            Map.Entry<String, JsonNode> server = servers.next();
            if (!server.getValue().isObject()) {
                throw new IllegalArgumentException(file + ": " + server.getKey()
                        + ": expected an object of hashtags and status ids, not " + server.getValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> tags = server.getValue().fields(); tags.hasNext(); ) {
                Map.Entry<String, JsonNode> tag = tags.next();
                if (!tag.getValue().isTextual()) {
                    throw new IllegalArgumentException(file + ": " + server.getKey() + " #" + tag.getKey()
                            + ": the position must be a status id (a string), not " + tag.getValue());
                }
                positions.saved.computeIfAbsent(server.getKey(), s -> new TreeMap<>()).put(tag.getKey(),
                        tag.getValue().asText());
            }
        }
        return positions;
    }

    /** The last status of a stream known to be in Kafka. */
    Optional<String> lastSaved(ServerTag stream) {
        return Optional.ofNullable(saved.getOrDefault(stream.server().name(), Map.of()).get(stream.tag()));
    }

    /** A status of the stream was sent; it becomes the position at the next {@link #save} (after Kafka acknowledged it). */
    void advance(ServerTag stream, String statusId) {
        pending.computeIfAbsent(stream.server().name(), s -> new TreeMap<>())
                .merge(stream.tag(), statusId, StatusIds::later);
    }

    /** Call once every record sent so far is acknowledged: the positions advanced become the saved ones, in the file if any. */
    void save() {
        if (pending.isEmpty()) {
            return;
        }
        pending.forEach((server, tags) -> tags.forEach((tag, id) ->
                saved.computeIfAbsent(server, s -> new TreeMap<>()).merge(tag, id, StatusIds::later)));
        pending.clear();
        file.ifPresent(this::write);
    }

    private void write(Path target) {
        ObjectNode root = JSON.createObjectNode();
        saved.forEach((server, tags) -> {
            ObjectNode node = root.putObject(server);
            tags.forEach(node::put);
        });
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the positions to " + target, e);
        }
    }
}
