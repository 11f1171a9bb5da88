package meshplay.engine.module;

/**
 * One thing apply will do: a one-line summary ("write /etc/modules"), the diff it causes (may be
 * null, e.g. for running a command) and the action that performs it.
 */
public record Change(String summary, Diff diff, Action action) {

    /** Performs one change; it may add data to the result (stdout, rc, backup path, ...). */
    @FunctionalInterface
    public interface Action {
        void apply(ModuleContext ctx, ModuleResult.Builder result) throws Exception;
    }
}
