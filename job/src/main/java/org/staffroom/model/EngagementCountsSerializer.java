package org.staffroom.model;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.staffroom.state.CompactSerializer;
import org.staffroom.state.Varints;

/** The fifteen counts as variable-length numbers, in the order of their fields: most take one or two bytes. */
public final class EngagementCountsSerializer extends CompactSerializer<EngagementCounts> {
    private static final long serialVersionUID = 1L;
    public static final EngagementCountsSerializer INSTANCE = new EngagementCountsSerializer();

    private EngagementCountsSerializer() {
        super(EngagementCounts::new, Snapshot::new);
    }

    @Override
    public void serialize(EngagementCounts c, DataOutputView out) throws IOException {
        Varints.writeSigned(out, c.posts);
        Varints.writeSigned(out, c.originals);
        Varints.writeSigned(out, c.retweets);
        Varints.writeSigned(out, c.replies);
        Varints.writeSigned(out, c.quotes);
        Varints.writeSigned(out, c.withLink);
        Varints.writeSigned(out, c.withMention);
        Varints.writeSigned(out, c.withCotag);
        Varints.writeSigned(out, c.brokering);
        Varints.writeSigned(out, c.questions);
        Varints.writeSigned(out, c.participants);
        Varints.writeSigned(out, c.contributors);
        Varints.writeSigned(out, c.newParticipants);
        Varints.writeSigned(out, c.returningParticipants);
        Varints.writeSigned(out, c.reach);
    }

    @Override
    public EngagementCounts deserialize(DataInputView in) throws IOException {
        EngagementCounts c = new EngagementCounts();
        c.posts = Varints.readSigned(in);
        c.originals = Varints.readSigned(in);
        c.retweets = Varints.readSigned(in);
        c.replies = Varints.readSigned(in);
        c.quotes = Varints.readSigned(in);
        c.withLink = Varints.readSigned(in);
        c.withMention = Varints.readSigned(in);
        c.withCotag = Varints.readSigned(in);
        c.brokering = Varints.readSigned(in);
        c.questions = Varints.readSigned(in);
        c.participants = Varints.readSigned(in);
        c.contributors = Varints.readSigned(in);
        c.newParticipants = Varints.readSigned(in);
        c.returningParticipants = Varints.readSigned(in);
        c.reach = Varints.readSigned(in);
        return c;
    }

    @Override
    public EngagementCounts copy(EngagementCounts from) {
        return from.copy();
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<EngagementCounts> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
