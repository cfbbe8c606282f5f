package org.staffroom.datagen.generator;

/**
 * One source of posts with its own arrival process (background, one chat session, newcomers'
 * first posts). {@link PostGenerator} merges them by {@link #next}, so each only has to know
 * when its own next post is due.
 */
abstract class Traffic {
    /** Breaks ties between sources due at the same millisecond, so the merge is deterministic. */
    final int order;
    /** When this source's next post is due (epoch ms); {@link Long#MAX_VALUE} when it has none. */
    long next = Long.MAX_VALUE;

    Traffic(int order) {
        this.order = order;
    }

    /** Composes the post due at {@link #next} into {@code post} with {@code id}, then moves {@link #next} on. */
    abstract void emit(GeneratedPost post, long id);
}
