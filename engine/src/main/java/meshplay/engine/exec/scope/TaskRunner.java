package meshplay.engine.exec.scope;

import java.util.List;
import java.util.Map;
import meshplay.engine.model.Task;

/**
 * Runs one task on the given hosts of a batch and returns what it did on each. The
 * {@code task.TaskDispatcher} does the work; {@code step.SteppedTaskRunner} wraps it with the step prompt and
 * the debugger. Included content comes back in the {@link HostRun}s; the traversal runs it.
 */
public interface TaskRunner {
    Map<String, HostRun> run(Task task, Scope scope, PlayRun play, List<String> hosts, boolean handler);
}
