package org.staffroom.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A post that arrived after one or more of its windows were final (contract §4, late_posts). */
@TypeInfo(LatePostSerializer.TypeFactory.class)
public class LatePost {
    public String platform;
    public String id;
    /** The hashtag (or chat) whose windows were missed. */
    public String scope;
    public long createdAt;
    public long receivedAt;
    public String[] hashtags;
    /** The windows not counted, e.g. {@code 30m@2025-03-30T19:00:00Z}. */
    public String[] missed;

    public LatePost() {}
}
