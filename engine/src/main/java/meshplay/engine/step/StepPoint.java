package meshplay.engine.step;

import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.model.Task;
import meshplay.engine.yaml.Origin;

/** The task about to run, with what a prompt needs to show and change before it runs. */
public interface StepPoint {
    Task task();

    /** The task's number in {@link #taskList()} (1-based), or 0 for included tasks and handlers. */
    int number();

    String playName();

    default Origin origin() {
        return task().origin();
    }

    /** The hosts the task is about to run on. */
    List<String> hosts();

    /** The task's arguments rendered for a host (after any {@link #setArg} edits); a UserError when they do not render. */
    Map<String, Object> renderedArgs(String host);

    /** The variables the task would see on a host. */
    Map<String, Object> vars(String host);

    /** Evaluates an expression with a host's variables (the prompt's "p EXPR"). */
    Object evaluate(String host, String expression);

    /** Sets a variable for every host for the rest of the run, above all other precedence ("set VAR=VALUE"). */
    void setVar(String name, Object value);

    /** Overrides one argument of this task for this run of it ("args KEY=VALUE"). */
    void setArg(String key, Object value);

    /** The play's tasks in order, for "list" and "jump N". */
    List<Task> taskList();

    /** True when the task's output must stay hidden on this host (no_log, inherited keywords included). */
    default boolean noLog(String host) {
        return false;
    }

    /**
     * Names of the variables whose values must never be shown on this host: those that look secret
     * ({@link SecretNames}) and the results and facts that no_log tasks set.
     */
    default Set<String> secretVars(String host) {
        return Set.of();
    }

    /** Values never to be shown, wherever they appear: vault passwords and decrypted vault values. */
    default java.util.List<String> secretValues() {
        return java.util.List.of();
    }

    /** True when `diff: false` (on the task or inherited from its block, role or play) hides its diffs. */
    default boolean diffHidden() {
        return false;
    }

    /** The task that ran before this one (what "redo" runs again), or null. */
    default Task previousTask() {
        return null;
    }
}
