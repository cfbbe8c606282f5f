package org.staffroom.metrics;

import java.util.HashMap;
import java.util.Map;

/** Everything one window holds, in one value: its totals, participants and mentioned accounts. */
public class WindowAccumulator {
    public WindowTotals totals = new WindowTotals();
    public Map<String, AuthorActivity> authors = new HashMap<>();
    /** Posts mentioning each account; kept only where top accounts are ranked. */
    public Map<String, Long> mentions = new HashMap<>();

    public WindowAccumulator() {}
}
