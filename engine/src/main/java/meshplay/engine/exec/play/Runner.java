package meshplay.engine.exec.play;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import meshplay.engine.error.ExitCode;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.include.Traversal;
import meshplay.engine.exec.scope.TaskRunner;
import meshplay.engine.exec.step.SteppedTaskRunner;
import meshplay.engine.exec.task.ResultLedger;
import meshplay.engine.exec.task.TaskDispatcher;
import meshplay.engine.exec.task.TaskExecutor;
import meshplay.engine.model.Play;
import meshplay.engine.model.Playbook;
import meshplay.engine.report.Event;
import meshplay.engine.report.RunStats;
import meshplay.engine.step.StepController;

/** Runs a playbook: every play in order, then the recap; returns the exit code. */
public final class Runner {
    private final RunContext run;

    public Runner(RunContext run) {
        this.run = run;
    }

    /** The outcome of a run: its exit code and recap counters. */
    public record Outcome(ExitCode exitCode, RunStats stats) {
    }

    public Outcome run(Playbook playbook) {
        int forks = Math.max(1, run.options.forks);
        ExecutorService pool = Executors.newFixedThreadPool(forks, r -> {
            Thread t = new Thread(r, "meshplay-fork");
            t.setDaemon(true);
            return t;
        });
        try {
            run.events.on(new Event.RunStart(String.valueOf(playbook.file()), playbook.plays().size(), run.options.check, run.options.diff));
            // each stage is built on the one below it: executor (one host) <- dispatcher (the hosts of a
            // batch) <- step prompt, when there is one <- traversal (task lists, includes, handlers) <- plays
            TaskExecutor executor = new TaskExecutor(run);
            ResultLedger ledger = new ResultLedger(run);
            TaskDispatcher dispatcher = new TaskDispatcher(run, executor, pool, ledger);
            TaskRunner tasks = run.step == StepController.NONE ? dispatcher : new SteppedTaskRunner(run, executor, dispatcher, ledger);
            PlayExecutor plays = new PlayExecutor(run, new Traversal(run, tasks));
            for (Play play : playbook.plays()) {
                if (run.state.quitting() || run.state.playbookBroken()) break;
                plays.run(play);
            }
            run.events.on(new Event.Recap(run.state.stats.snapshot()));
            ExitCode code = run.state.quitting() ? ExitCode.INTERRUPTED : run.state.stats.exitCode(run.state.brokeOnFailureRule());
            run.events.on(new Event.RunEnd(code.code));
            return new Outcome(code, run.state.stats);
        } finally {
            pool.shutdownNow();
            run.connections.close();
        }
    }
}
