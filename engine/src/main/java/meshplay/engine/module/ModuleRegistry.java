package meshplay.engine.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * All modules found with ServiceLoader, by name and alias. "ansible.builtin.X" and
 * "ansible.posix.X"/"community.general.X" prefixes resolve to X. A module registers itself with one
 * line, its class name, in META-INF/services/meshplay.engine.module.Module; a {@link ModuleProvider}
 * (META-INF/services/meshplay.engine.module.ModuleProvider) may add several at once.
 */
public final class ModuleRegistry {
    private final Map<String, Module> byName = new TreeMap<>();
    private final List<Module> modules = new ArrayList<>();

    /** @throws IllegalStateException when two modules have the same name */
    public ModuleRegistry(Iterable<Module> modules) {
        for (Module m : modules) {
            Module before = byName.put(m.name(), m);
            if (before != null && before != m) {
                throw new IllegalStateException("two modules are named '" + m.name() + "': " + before.getClass().getName()
                        + " and " + m.getClass().getName());
            }
            this.modules.add(m);
        }
        for (Module m : this.modules) {
            for (String alias : m.aliases()) byName.putIfAbsent(alias, m);
        }
    }

    /** Loads every {@link Module} and {@link ModuleProvider} registered on the class path. */
    public static ModuleRegistry load() {
        List<Module> all = new ArrayList<>();
        ServiceLoader.load(Module.class).forEach(all::add);
        for (ModuleProvider p : ServiceLoader.load(ModuleProvider.class)) all.addAll(p.modules());
        return new ModuleRegistry(all);
    }

    /** Every module, in the order they were registered. */
    public List<Module> modules() {
        return List.copyOf(modules);
    }

    /** The module for a task keyword, or null. */
    public Module find(String name) {
        Module m = byName.get(name);
        if (m != null) return m;
        int dot = name.lastIndexOf('.');
        return dot > 0 ? byName.get(name.substring(dot + 1)) : null;
    }

    public Collection<String> names() {
        return byName.keySet();
    }

    /** The known name closest to a misspelt one, or null when nothing is close. */
    public String nearest(String name) {
        return ArgValidator.nearest(name, byName.keySet(), ArgValidator.typoTolerance(name));
    }
}
