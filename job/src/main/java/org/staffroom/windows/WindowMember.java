package org.staffroom.windows;

import java.util.Objects;

/** A participant or a mentioned account of the window starting at {@link #start}: a state map key. */
public class WindowMember {
    public long start;
    public String name;

    public WindowMember() {}

    public WindowMember(long start, String name) {
        this.start = start;
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowMember m && start == m.start && Objects.equals(name, m.name);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(start) + Objects.hashCode(name);
    }
}
