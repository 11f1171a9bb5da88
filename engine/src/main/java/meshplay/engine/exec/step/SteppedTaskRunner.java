package meshplay.engine.exec.step;

import java.util.List;
import java.util.Map;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.HostRun;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.scope.TaskRunner;
import meshplay.engine.exec.task.ResultLedger;
import meshplay.engine.exec.task.TaskDispatcher;
import meshplay.engine.exec.task.TaskExecutor;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.result.TaskResult;
import meshplay.engine.step.StepController;
import meshplay.engine.step.StepDecision;

/**
 * The step prompt and the debugger around the {@link TaskDispatcher}: before a task the prompt may
 * run, skip, preview (check + diff, nothing booked), jump ahead, redo the previous task or quit;
 * after it, the prompt or the debugger (--debugger, the debugger: keyword) may run it again, once
 * the first run's bookings are taken back. Only used when a step controller is given.
 */
public final class SteppedTaskRunner implements TaskRunner {
    private final RunContext run;
    private final TaskExecutor executor;
    private final TaskDispatcher dispatcher;
    private final ResultLedger ledger;
    private final StepHistory history = new StepHistory();

    public SteppedTaskRunner(RunContext run, TaskExecutor executor, TaskDispatcher dispatcher, ResultLedger ledger) {
        this.run = run;
        this.executor = executor;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
    }

    @Override
    public Map<String, HostRun> run(Task task, Scope scope, PlayRun play, List<String> targets, boolean handler) {
        int number = play.number(task);
        if (play.jumpTarget > 0 && number > 0) {
            if (number < play.jumpTarget) return Map.of();
            play.jumpTarget = 0;
        }
        StepSession step = new StepSession(run, executor, task, scope, play, targets, number,
                history.last() == null ? null : history.last().task());
        if (run.state.stepAsking() && !askBefore(step, task, scope, play, targets, number, handler)) return Map.of();
        Map<String, HostRun> runs;
        while (true) {
            runs = dispatcher.dispatch(task, scope, play, targets, step.argOverrides(), false, handler);
            if (run.state.quitting()) break;
            Map<String, TaskResult> results = TaskDispatcher.results(runs);
            StepController.AfterStep after = run.state.stepAsking() ? run.step.afterTask(step, results) : StepController.AfterStep.NEXT;
            String debugger = dispatcher.resolve(scope.keyword(Keywords.DEBUGGER), scope, play, targets.get(0), null);
            if (after == StepController.AfterStep.NEXT && DebuggerPolicy.opens(debugger, run.options.debugger, results.values())) {
                after = run.step.debug(step, results);
            }
            if (after == StepController.AfterStep.QUIT) run.state.quit();
            if (after != StepController.AfterStep.REDO) break;
            ledger.forget(task, results);
        }
        history.ran(new StepHistory.Ran(task, scope, play, targets, step.argOverrides(), handler, TaskDispatcher.results(runs)));
        return runs;
    }

    /** Asks the prompt until it says run (true) or skip, jump or quit (false). */
    private boolean askBefore(StepSession step, Task task, Scope scope, PlayRun play, List<String> targets, int number, boolean handler) {
        while (true) {
            StepDecision d = run.step.beforeTask(step);
            switch (d.kind()) {
                case SKIP -> { return false; }
                case QUIT -> {
                    run.state.quit();
                    return false;
                }
                case JUMP -> {
                    if (d.target() > number) {
                        play.jumpTarget = d.target();
                        return false;
                    }
                    run.events.on(new Event.Warning("jump only goes forward; task " + d.target() + " is not after this one"));
                }
                case PREVIEW -> run.step.previewed(step, TaskDispatcher.results(
                        dispatcher.dispatch(task, scope, play, targets, step.argOverrides(), true, handler)));
                case REDO_PREVIOUS -> {
                    redoPrevious();
                    if (run.state.quitting()) return false;
                }
                case CONTINUE -> {
                    run.state.stepAsking(false);
                    return true;
                }
                case RUN -> {
                    return true;
                }
            }
        }
    }

    /** Step "redo": the task that ran last runs again on the same hosts; only this run counts. */
    private void redoPrevious() {
        StepHistory.Ran p = history.last();
        if (p == null) {
            run.events.on(new Event.Warning("no task has run yet: there is nothing to redo"));
            return;
        }
        ledger.forget(p.task(), p.results());
        Map<String, HostRun> runs = dispatcher.dispatch(p.task(), p.scope(), p.play(), p.hosts(), p.overrides(), false, p.handler());
        history.ran(new StepHistory.Ran(p.task(), p.scope(), p.play(), p.hosts(), p.overrides(), p.handler(), TaskDispatcher.results(runs)));
    }
}
