package meshplay.engine.exec.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.lang.ShortName;
import java.util.Set;
import meshplay.engine.model.ActionCatalog;
import meshplay.engine.module.ArgSpec;

/**
 * The engine's own actions by name (with ansible.builtin. prefixes resolved). One instance serves the
 * loader (as its {@link ActionCatalog}) and the runner.
 */
public final class ActionRegistry implements ActionCatalog {
    private final Map<String, EngineAction> byName = new LinkedHashMap<>();

    public ActionRegistry() {
        for (EngineAction a : List.of(new SetFactAction(), new IncludeVarsAction(), new IncludeTasksAction(),
                new IncludeRoleAction("include_role"), new IncludeRoleAction("import_role"), new MetaAction(),
                new AddHostAction(), new GroupByAction())) {
            byName.put(a.name(), a);
        }
    }

    public EngineAction find(String name) {
        EngineAction a = byName.get(name);
        if (a != null) return a;
        return byName.get(ShortName.of(name));
    }

    public Map<String, EngineAction> all() {
        return byName;
    }

    @Override
    public String resolve(String name) {
        EngineAction a = find(name);
        return a == null ? null : a.name();
    }

    @Override
    public ArgSpec spec(String name) {
        return find(name).spec();
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }
}
