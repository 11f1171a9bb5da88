package meshplay.engine.model;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;

/**
 * Resolves the key of a task to an action: an engine action or a module, with a collection prefix
 * such as "ansible.builtin." or "community.general." removed.
 */
final class ActionNames {
    private final ModuleRegistry modules;

    ActionNames(ModuleRegistry modules) {
        this.modules = modules;
    }

    /** "ansible.builtin.copy" -> "copy"; a name without a collection prefix is returned unchanged. */
    static String shortName(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && key.indexOf('.') < dot ? key.substring(dot + 1) : key;
    }

    /** The canonical action name for a key, or null when it names neither an engine action nor a module. */
    String resolve(String key) {
        String name = shortName(key);
        if (EngineActions.isEngineAction(name)) return name;
        Module m = modules.find(name);
        return m == null ? null : m.name();
    }

    /** The argument spec of a resolved action. */
    ArgSpec spec(String action) {
        if (EngineActions.isEngineAction(action)) return EngineActions.spec(action);
        return modules.find(action).spec();
    }

    /** The closest known action name to a misspelt one, or null. */
    String nearest(String key) {
        String name = shortName(key);
        String module = modules.nearest(name);
        String engine = Suggestions.nearest(name, EngineActions.names());
        if (module == null) return engine;
        if (engine == null) return module;
        return meshplay.engine.module.ArgValidator.editDistance(name, engine) < meshplay.engine.module.ArgValidator.editDistance(name, module) ? engine : module;
    }
}
