package meshplay.engine.vars;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one host at each precedence level. Levels hold references to the maps given (no
 * copies), so deriving a task's layers from a host's ({@link #with}) costs a few pointers, and
 * {@link #view()} gives the flattened map the templar reads. Values may be YNode (trusted, templated
 * when read) or plain Java values (data, never templated). Not thread-safe: one instance per host,
 * or a fresh {@link #copy()} per task.
 */
public final class VarLayers {
    private final EnumMap<VarLevel, Map<String, Object>> levels = new EnumMap<>(VarLevel.class);
    /** Levels whose map this instance created, and so may change in place. */
    private final EnumSet<VarLevel> owned = EnumSet.noneOf(VarLevel.class);

    public VarLayers() {
    }

    private VarLayers(VarLayers other) {
        levels.putAll(other.levels);
    }

    /** A copy sharing the maps; changes to either (set/put) do not show in the other. */
    public VarLayers copy() {
        return new VarLayers(this);
    }

    /** Replaces one level's variables (null or empty clears it). The map is used as is, not copied. */
    @SuppressWarnings("unchecked")
    public VarLayers set(VarLevel level, Map<String, ?> vars) {
        owned.remove(level);
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
        if (!owned.contains(level)) {
            Map<String, Object> old = levels.get(level);
            levels.put(level, old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old));
            owned.add(level);
        }
        levels.get(level).put(name, value);
        return this;
    }

    /** Sets several variables at a level, keeping the level's other variables. */
    public VarLayers putAll(VarLevel level, Map<String, ?> vars) {
        vars.forEach((k, v) -> put(level, k, v));
        return this;
    }

    /** One level's variables (empty when unset). */
    public Map<String, Object> level(VarLevel level) {
        return levels.getOrDefault(level, Map.of());
    }

    /** The level a name's value comes from, or null when undefined. */
    public VarLevel levelOf(String name) {
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
    public Object get(String name) {
        VarLevel l = levelOf(name);
        return l == null ? null : levels.get(l).get(name);
    }

    /** The flattened variables, highest level winning, as a read-only view (nothing is copied). */
    public LayeredVars view() {
        List<Map<String, ?>> highestFirst = new ArrayList<>(levels.size());
        VarLevel[] all = VarLevel.values();
        for (int i = all.length - 1; i >= 0; i--) {
            Map<String, Object> m = levels.get(all[i]);
            if (m != null) highestFirst.add(m);
        }
        return new LayeredVars(highestFirst);
    }
}
