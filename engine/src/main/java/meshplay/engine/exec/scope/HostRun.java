package meshplay.engine.exec.scope;

import java.util.List;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.result.TaskResult;

/**
 * What one task did on one host: its result, and the content it included (include_tasks /
 * include_role; one entry per loop item), which the traversal runs next on the hosts that included it.
 */
public record HostRun(TaskResult result, List<Included> included) {
    public HostRun {
        included = List.copyOf(included);
    }
}
