package meshplay.engine.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Module#plan}: the changes apply would make (empty = nothing to do) and the
 * data to report either way (e.g. a stat result, the current state). {@code note} explains a no-op
 * ("skipped, since /x exists").
 */
public record Plan(List<Change> changes, Map<String, Object> data, String note) {
    public Plan {
        changes = List.copyOf(changes);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Plan noChange() {
        return new Plan(List.of(), Map.of(), null);
    }

    public static Plan noChange(Map<String, Object> data) {
        return new Plan(List.of(), data, null);
    }

    public static Plan of(Change... changes) {
        return new Plan(List.of(changes), Map.of(), null);
    }

    public static Plan of(List<Change> changes, Map<String, Object> data) {
        return new Plan(changes, data, null);
    }

    public Plan withNote(String n) {
        return new Plan(changes, data, n);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** All diffs of all changes, in order. */
    public List<Diff> diffs() {
        return changes.stream().map(Change::diff).filter(java.util.Objects::nonNull).toList();
    }
}
