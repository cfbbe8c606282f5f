package org.staffroom.state;

/**
 * Where the job keeps its state. The job sets Flink's backend itself, because its window state is
 * laid out for the backend: on the heap a window is one object, read and updated in place; in
 * RocksDB every read and write (de)serialises, so each participant is an entry of its own.
 */
public enum StateBackend {
    /** On the TaskManagers' heap: fastest; all state must fit in memory. */
    heap("hashmap"),
    /** In RocksDB on local disk, with incremental checkpoints: for communities too large for memory. */
    rocksdb("rocksdb");

    /** The value of Flink's {@code state.backend.type}. */
    public final String flinkName;

    StateBackend(String flinkName) {
        this.flinkName = flinkName;
    }
}
