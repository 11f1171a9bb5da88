package meshplay.engine.exec.step;

import java.util.List;
import java.util.Map;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.task.ResultLedger;
import meshplay.engine.model.Task;
import meshplay.engine.result.TaskResult;

/**
 * The last task the step runner ran with its results, so that the step prompt can run it again
 * ("redo") and the debugger can retry a failed task: the earlier run's counters and host failures are
 * taken back first ({@link ResultLedger#forget}), so only the last run of a task counts in the recap.
 */
final class StepHistory {
    /** One run of a task: what is needed to run it again, and what it did. */
    record Ran(Task task, Scope scope, PlayRun play, List<String> hosts, Map<String, Object> overrides, boolean handler,
               Map<String, TaskResult> results) {
    }

    private Ran last;

    Ran last() {
        return last;
    }

    void ran(Ran r) {
        last = r;
    }
}
