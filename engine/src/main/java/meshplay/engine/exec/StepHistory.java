package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import meshplay.engine.model.Task;

/**
 * The last task the dispatcher ran with its results, so that the step prompt can run it again
 * ("redo") and the debugger can retry a failed task: the earlier run's counters and host failures are
 * taken back first, so only the last run of a task counts in the recap.
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

    /** Takes back what {@code results} counted, so the task can run again on those hosts. */
    static void forget(RunContext run, Task task, Map<String, TaskResult> results) {
        if (task.action().equals("meta") || task.action().endsWith(".meta")) return; // meta results are not counted
        for (Map.Entry<String, TaskResult> e : results.entrySet()) {
            TaskResult r = e.getValue();
            run.stats.host(e.getKey()).uncount(r);
            HostState s = run.host(e.getKey());
            if (r.failed() && !r.ignored()) s.failed(false);
            if (r.unreachable() && !r.ignored()) s.unreachable(false);
        }
    }
}
