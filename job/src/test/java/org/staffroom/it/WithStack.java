package org.staffroom.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class on a real Kafka broker and a real PostgreSQL: one of each for the class, started
 * before its first test and stopped after its last. A class brings its own Flink MiniCluster, or
 * takes {@link StackTest}'s.
 */
abstract class WithStack {
    static TestStack stack;

    @BeforeAll
    static void startStack() {
        stack = TestStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
