package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import meshplay.engine.model.Task;

/**
 * Runs one task on the given hosts of a batch and returns what it did on each. The
 * {@link TaskDispatcher} does the work; {@link SteppedTaskRunner} wraps it with the step prompt and
 * the debugger. Included content comes back in the {@link HostRun}s; the traversal runs it.
 */
interface TaskRunner {
    Map<String, HostRun> run(Task task, Scope scope, PlayRun play, List<String> hosts, boolean handler);
}
