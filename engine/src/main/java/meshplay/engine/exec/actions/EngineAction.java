package meshplay.engine.exec.actions;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.result.TaskResult;

/**
 * A task keyword the engine itself implements (set_fact, include_vars, include_tasks, meta, add_host,
 * group_by): it changes run state rather than a host. Documented by {@link #spec()} like a module.
 */
public interface EngineAction {
    String name();

    ArgSpec spec();

    TaskResult run(ActionContext ctx) throws Exception;

}
