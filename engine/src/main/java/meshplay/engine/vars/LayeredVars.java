package meshplay.engine.vars;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.template.VariableNamespace;

/**
 * A read-only map over several maps, highest precedence first: a lookup asks each map in turn, so no
 * variable is copied. Iterating builds the merged map once (safe to share between threads: the merged
 * map is published through an unmodifiable wrapper). This is what the templar reads per task.
 */
public final class LayeredVars extends AbstractMap<String, Object> implements VariableNamespace {
    private final List<Map<String, ?>> layers;
    private Map<String, Object> merged;

    /** {@code highestFirst}: the maps from highest to lowest precedence. They are not copied. */
    public LayeredVars(List<? extends Map<String, ?>> highestFirst) {
        this.layers = List.copyOf(highestFirst);
    }

    @Override
    public Object get(Object key) {
        for (Map<String, ?> m : layers) {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) return v;
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (Map<String, ?> m : layers) if (m.containsKey(key)) return true;
        return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return merged().entrySet();
    }

    @Override
    public int size() {
        return merged().size();
    }

    @Override
    public boolean isEmpty() {
        for (Map<String, ?> m : layers) if (!m.isEmpty()) return false;
        return true;
    }

    private Map<String, Object> merged() {
        if (merged == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = layers.size() - 1; i >= 0; i--) m.putAll(layers.get(i));
            merged = Collections.unmodifiableMap(m);
        }
        return merged;
    }
}
