package org.staffroom.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A platform's report that a post was deleted (an extension of contract §1): its content must leave
 * every table; what it counted in the aggregates stays.
 */
@TypeInfo(PostDeletionSerializer.TypeFactory.class)
public class PostDeletion {
    public String platform;
    public String id;
    /** When the platform reported the deletion, epoch milliseconds; null when the event did not say. */
    public Long deletedAt;
    /** When the job read the event, epoch milliseconds. */
    public long receivedAt;

    public PostDeletion() {}

    @Override
    public String toString() {
        return "PostDeletion{" + platform + '/' + id + '}';
    }
}
