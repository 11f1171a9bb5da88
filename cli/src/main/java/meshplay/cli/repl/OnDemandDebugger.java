package meshplay.cli.repl;

import java.util.Map;
import java.util.function.Supplier;
import meshplay.engine.result.TaskResult;
import meshplay.engine.step.StepController;
import meshplay.engine.step.StepDecision;
import meshplay.engine.step.StepPoint;

/**
 * Without --step or --debugger a task's own `debugger:` keyword can still open the prompt: this
 * controller runs every task without asking and opens the terminal only when the debugger is wanted.
 */
final class OnDemandDebugger implements StepController, AutoCloseable {
    private final Supplier<StepRepl> opener;
    private StepRepl repl;

    OnDemandDebugger(Supplier<StepRepl> opener) {
        this.opener = opener;
    }

    @Override
    public StepDecision beforeTask(StepPoint point) {
        return StepDecision.RUN;
    }

    /** Not a prompt for the whole run: a play may use the free strategy (its hosts then take turns at the debugger). */
    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public synchronized AfterStep debug(StepPoint point, Map<String, TaskResult> results) {
        if (repl == null) repl = opener.get();
        return repl.debug(point, results);
    }

    @Override
    public synchronized void close() {
        if (repl != null) repl.close();
    }
}
