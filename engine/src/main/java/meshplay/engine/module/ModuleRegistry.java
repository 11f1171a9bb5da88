package meshplay.engine.module;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.ShortName;

/**
 * All modules found with ServiceLoader, by name and alias. "ansible.builtin.X" and
 * "ansible.posix.X"/"community.general.X" prefixes resolve to X.
 */
public final class ModuleRegistry {
    private final Map<String, Module> byName = new TreeMap<>();

    public ModuleRegistry(Iterable<Module> modules) {
        for (Module m : modules) {
            byName.put(m.name(), m);
            for (String alias : m.aliases()) byName.putIfAbsent(alias, m);
        }
    }

    /** Loads every {@link ModuleProvider} on the class path. */
    public static ModuleRegistry load() {
        java.util.List<Module> all = new java.util.ArrayList<>();
        for (ModuleProvider p : ServiceLoader.load(ModuleProvider.class)) all.addAll(p.modules());
        return new ModuleRegistry(all);
    }

    /** The module for a task keyword, or null. */
    public Module find(String name) {
        Module m = byName.get(name);
        if (m != null) return m;
        return byName.get(ShortName.of(name));
    }

    public Collection<String> names() {
        return byName.keySet();
    }

    /** The known name closest to a misspelt one, or null when nothing is close. */
    public String nearest(String name) {
        return Nearest.of(name, byName.keySet());
    }
}
