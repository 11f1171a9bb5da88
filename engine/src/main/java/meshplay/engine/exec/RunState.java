package meshplay.engine.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.report.RunStats;

/**
 * What changes while a playbook runs: each host's state, the recap counters, who registered what,
 * values set from the step prompt, and the run-wide flags (--start-at-task reached, quit, a play
 * broke off, the step prompt still asking). One per run; the fork threads share it.
 */
public final class RunState {
    public final RunStats stats = new RunStats();
    /** Values set from the step prompt (set VAR=VALUE): above everything but magic variables. */
    public final Map<String, Object> stepOverrides = new ConcurrentHashMap<>();
    /** Who registered each variable, and whether its value is predicted (check mode) or secret (no_log). */
    public final RegisterNotes registers = new RegisterNotes();
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private volatile boolean startReached;
    private volatile boolean quit;
    private volatile boolean playbookBroken;
    private volatile boolean brokeOnFailureRule;
    private volatile boolean stepAsking = true;

    RunState(boolean startReached) {
        this.startReached = startReached;
    }

    public HostState host(String name) {
        return hosts.computeIfAbsent(name, HostState::new);
    }

    /** --start-at-task: false until the named task is reached (true from the start without it). */
    public boolean startReached() {
        return startReached;
    }

    public void reachStart() {
        startReached = true;
    }

    /** The user quit (the step prompt's q, Ctrl-C at a prompt): no further task starts. */
    public boolean quitting() {
        return quit;
    }

    public void quit() {
        quit = true;
    }

    /** A play broke off (any_errors_fatal, max_fail_percentage, or a whole batch failed): no later play runs. */
    public boolean playbookBroken() {
        return playbookBroken;
    }

    /**
     * No later play runs. {@code onFailureRule}: any_errors_fatal or max_fail_percentage broke the play,
     * which makes the run exit 2 whatever else happened, as ansible-playbook does.
     */
    public void breakPlaybook(boolean onFailureRule) {
        playbookBroken = true;
        brokeOnFailureRule |= onFailureRule;
    }

    /** A play broke off on any_errors_fatal or max_fail_percentage. */
    public boolean brokeOnFailureRule() {
        return brokeOnFailureRule;
    }

    /** --step: whether the next task is still asked about (the prompt's c answer stops asking). */
    public boolean stepAsking() {
        return stepAsking;
    }

    public void stepAsking(boolean asking) {
        stepAsking = asking;
    }
}
