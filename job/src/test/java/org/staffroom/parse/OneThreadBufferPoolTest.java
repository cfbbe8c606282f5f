package org.staffroom.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import org.junit.jupiter.api.Test;

class OneThreadBufferPoolTest {
    @Test
    void theBuffersGivenBackAreTheNextOnesAndNeverHandedOutTwice() {
        OneThreadBufferPool pool = new OneThreadBufferPool();
        BufferRecycler first = pool.acquireAndLinkPooled();
        BufferRecycler second = pool.acquireAndLinkPooled();
        assertThat(second).isNotSameAs(first);
        first.releaseToPool();
        assertThat(pool.acquireAndLinkPooled()).isSameAs(first);
        assertThat(pool.acquireAndLinkPooled()).isNotSameAs(first).isNotSameAs(second);
    }
}
