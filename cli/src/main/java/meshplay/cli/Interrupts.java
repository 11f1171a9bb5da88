package meshplay.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import meshplay.engine.error.ExitCode;

/** Ctrl-C during a run: flush what was printed and exit with 99 (interrupted), as ansible-playbook does. */
final class Interrupts {
    private Interrupts() {
    }

    static <T> T guard(PrintWriter out, Supplier<T> work) {
        Thread hook = new Thread(() -> {
            out.println();
            out.println("[ERROR]: User interrupted execution");
            out.flush();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code);
        }, "meshplay-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it decides the exit code
            }
        }
    }
}
