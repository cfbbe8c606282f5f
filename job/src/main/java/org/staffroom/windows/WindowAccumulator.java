package org.staffroom.windows;

import java.util.HashMap;
import java.util.Map;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.WindowTotals;

/** Everything one window holds, in one value: its totals, participants and mentioned accounts. */
public class WindowAccumulator {
    public WindowTotals totals = new WindowTotals();
    /** Participants by {@link org.staffroom.model.ParticipantKey}. */
    public Map<String, AuthorActivity> authors = new HashMap<>();
    /** Posts mentioning each account; kept only where top accounts are ranked. */
    public Map<String, Long> mentions = new HashMap<>();

    public WindowAccumulator() {}
}
