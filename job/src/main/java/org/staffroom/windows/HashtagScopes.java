package org.staffroom.windows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.staffroom.model.ScopeKind;

/** Every hashtag gets every configured window size. */
public final class HashtagScopes implements ScopeWindows {
    private static final long serialVersionUID = 1L;

    private final List<WindowScheme> schemes;

    public HashtagScopes(List<WindowScheme> schemes) {
        this.schemes = List.copyOf(schemes);
    }

    @Override
    public ScopeKind kind() {
        return ScopeKind.HASHTAG;
    }

    @Override
    public List<WindowScheme> schemesFor(String hashtag) {
        return schemes;
    }

    @Override
    public boolean ranksAccounts(String label) {
        return label.equals(CalendarDays.LABEL);
    }

    @Override
    public Set<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        schemes.forEach(s -> labels.add(s.label()));
        return labels;
    }
}
