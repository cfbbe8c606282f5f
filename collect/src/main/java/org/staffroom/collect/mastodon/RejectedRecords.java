package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.staffroom.platforms.Conversion;

/**
 * Where the records that cannot be converted go, for a person to read: one JSON line each,
 * {@code {"server": …, "tag": …, "reason": …, "source": "<the record>"}}, to the file of
 * {@code --rejects-file} or else to stderr. Not to the topic: the job would reject them again
 * with a reason about the contract's fields, losing the converter's, which names the platform's.
 */
final class RejectedRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;

    RejectedRecords(PrintWriter out) {
        this.out = out;
    }

    void add(ServerTag from, Conversion.Unmappable rejected) {
        ObjectNode line = JSON.createObjectNode()
                .put("server", from.server().name())
                .put("tag", from.tag())
                .put("reason", rejected.reason())
                .put("source", rejected.source());
        out.println(line);
        out.flush();
    }
}
