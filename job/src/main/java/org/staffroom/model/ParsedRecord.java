package org.staffroom.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** What one Kafka record became: exactly one of {@link #post}, {@link #deletion} and {@link #rejected} is set. */
@TypeInfo(ParsedRecordSerializer.TypeFactory.class)
public class ParsedRecord {
    public Post post;
    public PostDeletion deletion;
    public RejectedPost rejected;
    /** The Kafka partition it was read from. */
    public int partition;

    public ParsedRecord() {}

    public static ParsedRecord accepted(Post post) {
        ParsedRecord r = new ParsedRecord();
        r.post = post;
        return r;
    }

    public static ParsedRecord deleted(PostDeletion deletion) {
        ParsedRecord r = new ParsedRecord();
        r.deletion = deletion;
        return r;
    }

    public static ParsedRecord rejected(RejectedPost rejected) {
        ParsedRecord r = new ParsedRecord();
        r.rejected = rejected;
        return r;
    }
}
