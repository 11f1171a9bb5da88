package meshplay.engine.step;

import java.util.Map;
import meshplay.engine.result.TaskResult;

/**
 * The hook an interactive front end (--step, the REPL) plugs into. The runner calls
 * {@link #beforeTask} once per task (before it runs on any host of the batch) and {@link #afterTask}
 * once it ran on all of them. A PREVIEW decision runs the task in check + diff mode (nothing counted,
 * registered or notified) and then asks again, so "show me the diff, then decide" works.
 */
public interface StepController {
    StepDecision beforeTask(StepPoint point);

    /** After the task ran on every host; REDO runs it again. */
    default AfterStep afterTask(StepPoint point, Map<String, TaskResult> results) {
        return AfterStep.NEXT;
    }

    /**
     * After a PREVIEW ran the task in check + diff mode: the predicted results per host (their diffs
     * included even without --diff), so the prompt can show them before asking again.
     */
    default void previewed(StepPoint point, Map<String, TaskResult> results) {
    }

    /**
     * The debugger: called after the task ran when {@code --debugger} or the task's {@code debugger:}
     * keyword asks for it (on_failed, always, ...). REDO runs the task again (after edits made through
     * the point), NEXT goes on, QUIT ends the run.
     */
    default AfterStep debug(StepPoint point, Map<String, TaskResult> results) {
        return AfterStep.NEXT;
    }

    /**
     * True when this controller prompts during the run (--step, --debugger), so that every host must be
     * at the same task (no free strategy). A controller that only opens for a task's own debugger:
     * keyword says false.
     */
    default boolean interactive() {
        return this != NONE;
    }

    /** No stepping: every task runs. */
    StepController NONE = point -> StepDecision.RUN;

    enum AfterStep { NEXT, REDO, QUIT }
}
