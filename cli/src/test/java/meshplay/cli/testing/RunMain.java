package meshplay.cli.testing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import meshplay.cli.repl.StepControllers;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.step.StepController;

/**
 * A separate process for terminal tests: runs a playbook of a {@link PlaybookRun} directory (host
 * node1) with the step REPL on the process's own terminal, prints the console and exits with the run's
 * exit code. Usage: DIR PLAYBOOK [--step] [--debugger] [--check] [--diff]
 */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args).subList(2, args.length);
        RunOptions o = new RunOptions();
        o.check = flags.contains("--check");
        o.diff = flags.contains("--diff");
        o.debugger = flags.contains("--debugger");
        PlaybookRun run = new PlaybookRun(Path.of(args[0]), "node1");
        StepController step = StepControllers.open(flags.contains("--step"), o.debugger);
        PlaybookRun.Result r;
        try {
            r = run.run(args[1], o, step, new PrintWriter(System.out, true));
        } finally {
            StepControllers.close(step);
        }
        System.out.flush();
        System.exit(r.exitCode());
    }
}
