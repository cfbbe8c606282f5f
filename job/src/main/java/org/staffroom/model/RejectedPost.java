package org.staffroom.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A record that could not be accepted, with a reason a person understands (contract §1). */
@TypeInfo(RejectedPostSerializer.TypeFactory.class)
public class RejectedPost {
    public long receivedAt;
    public String topic;
    public int partition;
    public long offset;
    public String reason;
    /** The first 64 KiB of the record, decoded for reading. */
    public String payload;
    /** The record's full size in bytes. */
    public int payloadBytes;

    public RejectedPost() {}

    @Override
    public String toString() {
        return "RejectedPost{" + topic + '/' + partition + '@' + offset + ": " + reason + '}';
    }
}
