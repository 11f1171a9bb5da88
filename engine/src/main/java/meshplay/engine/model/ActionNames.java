package meshplay.engine.model;

import java.util.ArrayList;
import java.util.List;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.ShortName;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;

/**
 * Resolves the key of a task to an action: import_tasks (expanded while loading), an engine action
 * of the runner (set_fact, include_tasks, meta, ...) or a module; a collection prefix such as
 * "ansible.builtin." or "community.general." is removed.
 */
final class ActionNames {
    private final ModuleRegistry modules;
    private final ActionCatalog engine;

    ActionNames(ModuleRegistry modules, ActionCatalog engine) {
        this.modules = modules;
        this.engine = engine;
    }

    /** The canonical action name for a key, or null when it names neither an engine action nor a module. */
    String resolve(String key) {
        String name = ShortName.of(key);
        if (name.equals(EngineActions.IMPORT_TASKS)) return name;
        String action = engine.resolve(name);
        if (action != null) return action;
        Module m = modules.find(name);
        return m == null ? null : m.name();
    }

    boolean isEngineAction(String action) {
        return action.equals(EngineActions.IMPORT_TASKS) || engine.resolve(action) != null;
    }

    /** The argument spec of a resolved action. */
    ArgSpec spec(String action) {
        if (action.equals(EngineActions.IMPORT_TASKS)) return EngineActions.IMPORT_TASKS_SPEC;
        return engine.resolve(action) != null ? engine.spec(action) : modules.find(action).spec();
    }

    /** The closest known action name to a misspelt one, or null. */
    String nearest(String key) {
        String name = ShortName.of(key);
        List<String> engineNames = new ArrayList<>(engine.names());
        engineNames.add(EngineActions.IMPORT_TASKS);
        String module = modules.nearest(name);
        String own = Nearest.of(name, engineNames);
        if (module == null) return own;
        if (own == null) return module;
        return Nearest.editDistance(name, own) < Nearest.editDistance(name, module) ? own : module;
    }
}
