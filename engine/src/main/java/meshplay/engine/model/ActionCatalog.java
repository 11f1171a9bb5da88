package meshplay.engine.model;

import java.util.Set;
import meshplay.engine.module.ArgSpec;

/**
 * The engine's own actions (set_fact, include_tasks, meta, add_host, ...) as the loader needs them:
 * their names and argument specs. The runner's action registry implements it, so loading and
 * running share one list.
 */
public interface ActionCatalog {
    /** The canonical name of the engine action called {@code name} (a collection prefix removed), or null. */
    String resolve(String name);

    /** The argument spec of an engine action named by {@link #resolve}. */
    ArgSpec spec(String name);

    /** Every engine action name. */
    Set<String> names();
}
