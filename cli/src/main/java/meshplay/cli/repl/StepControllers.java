package meshplay.cli.repl;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import meshplay.engine.step.StepController;

/**
 * The one place the command line gets its step controller from: the REPL when --step or --debugger is
 * given (the debugger alone asks nothing before tasks), otherwise a controller that opens the prompt
 * only if a task's `debugger:` keyword asks. Close what it returns at the end of the run (it saves the
 * prompt's history).
 */
public final class StepControllers {
    private StepControllers() {
    }

    public static StepController open(boolean step, boolean debugger) {
        return open(step, debugger, System.in, System.out);
    }

    /**
     * As {@link #open(boolean, boolean)}, reading {@code in}: the process's own stdin gets the system
     * terminal, any other stream (an embedding caller, a test) a dumb terminal writing to {@code out}.
     * Without either flag the prompt still opens, on first use, for a task whose `debugger:` keyword asks.
     */
    public static StepController open(boolean step, boolean debugger, InputStream in, OutputStream out) {
        Supplier<StepRepl> opener = () -> {
            ReplCompleter completer = new ReplCompleter();
            ReplTerminal terminal = in == System.in ? ReplTerminal.system(historyFile(), completer)
                    : ReplTerminal.streams(in, out, historyFile(), completer);
            return new StepRepl(terminal, completer, step);
        };
        if (!step && !debugger) return new OnDemandDebugger(opener);
        return opener.get();
    }

    /** The REPL over given streams (a dumb terminal): for callers that do not read the process's stdin. */
    public static StepRepl open(boolean step, InputStream in, OutputStream out) {
        ReplCompleter completer = new ReplCompleter();
        return new StepRepl(ReplTerminal.streams(in, out, historyFile(), completer), completer, step);
    }

    /** Closes a controller from {@link #open} if it holds a terminal. */
    public static void close(StepController c) {
        if (c instanceof AutoCloseable a) {
            try {
                a.close();
            } catch (Exception e) {
                // the run is over; closing the prompt is best effort
            }
        }
    }

    /** MESHPLAY_HISTORY, else ~/.meshplay_history. */
    static Path historyFile() {
        String env = System.getenv("MESHPLAY_HISTORY");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".meshplay_history");
    }
}
