package meshplay.engine.vars;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one host at each precedence level. Levels hold references to the maps given (no
 * copies), so deriving a task's layers from a host's ({@link #with}) costs a few pointers, and
 * {@link #view()} gives the flattened map the templar reads. Values may be YNode (trusted, templated
 * when read) or plain Java values (data, never templated).
 *
 * <p>Thread-safe: other hosts read a host's variables (hostvars) while its own task sets facts.
 * {@link #put} never changes a map in place (it installs a changed copy), so a view taken earlier
 * keeps seeing a consistent snapshot of that level.
 */
public final class VarLayers {
    private final EnumMap<VarLevel, Map<String, Object>> levels = new EnumMap<>(VarLevel.class);

    public VarLayers() {
    }

    /** A copy sharing the maps; changes to either (set/put) do not show in the other. */
    public synchronized VarLayers copy() {
        VarLayers c = new VarLayers();
        c.levels.putAll(levels);
        return c;
    }

    /** Replaces one level's variables (null or empty clears it). The map is used as is, not copied. */
    @SuppressWarnings("unchecked")
    public synchronized VarLayers set(VarLevel level, Map<String, ?> vars) {
        if (vars == null || vars.isEmpty()) levels.remove(level);
        else levels.put(level, (Map<String, Object>) vars);
        return this;
    }

    /** A copy with one level replaced: the way a task's layers are made from its host's. */
    public VarLayers with(VarLevel level, Map<String, ?> vars) {
        return copy().set(level, vars);
    }

    /** Sets one variable at a level (set_fact, register, include_vars), keeping the level's other variables. */
    public VarLayers put(VarLevel level, String name, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(name, value);
        return putAll(level, one);
    }

    /** Sets several variables at a level, keeping the level's other variables. */
    public synchronized VarLayers putAll(VarLevel level, Map<String, ?> vars) {
        Map<String, Object> changed = new LinkedHashMap<>(levels.getOrDefault(level, Map.of()));
        changed.putAll(vars);
        levels.put(level, Collections.unmodifiableMap(changed));
        return this;
    }

    /** One level's variables (empty when unset). */
    public synchronized Map<String, Object> level(VarLevel level) {
        return levels.getOrDefault(level, Map.of());
    }

    /** The level a name's value comes from, or null when undefined. */
    public synchronized VarLevel levelOf(String name) {
        VarLevel[] all = VarLevel.values();
        for (int i = all.length - 1; i >= 0; i--) {
            Map<String, Object> m = levels.get(all[i]);
            if (m != null && m.containsKey(name)) return all[i];
        }
        return null;
    }

    public boolean has(String name) {
        return levelOf(name) != null;
    }

    /** The value of a name from the highest level that defines it (null when undefined). */
    public synchronized Object get(String name) {
        VarLevel l = levelOf(name);
        return l == null ? null : levels.get(l).get(name);
    }

    /** The flattened variables, highest level winning, as a read-only view (nothing is copied). */
    public synchronized LayeredVars view() {
        List<Map<String, ?>> highestFirst = new ArrayList<>(levels.size());
        VarLevel[] all = VarLevel.values();
        for (int i = all.length - 1; i >= 0; i--) {
            Map<String, Object> m = levels.get(all[i]);
            if (m != null) highestFirst.add(m);
        }
        return new LayeredVars(highestFirst);
    }
}
