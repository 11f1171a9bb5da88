package meshplay.engine.exec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.exec.actions.ActionRegistry;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.ContentLoader;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.EventBus;
import meshplay.engine.report.RunStats;
import meshplay.engine.step.StepController;
import meshplay.engine.template.Templar;

/** Everything one run shares: inputs, services and run-wide state. Passed explicitly, never global. */
public final class RunContext {
    public final Inventory inventory;
    public final Templar templar;
    public final ModuleRegistry modules;
    public final ActionRegistry actions;
    public final ContentLoader loader;
    public final RunOptions options;
    public final EventBus events;
    public final StepController step;
    public final RunStats stats = new RunStats();
    public final ConnectionPool connections;
    public final Path playbookDir;
    /** Evaluates templated keywords (run_once: "{{ flag }}") with the keyword's own type. */
    public final KeywordEvaluator keywords;
    /** Evaluates when / changed_when / failed_when / until. */
    public final Conditionals conditionals;
    /** Values set from the step prompt (set VAR=VALUE): above everything but magic variables. */
    public final Map<String, Object> stepOverrides = new ConcurrentHashMap<>();
    /** Who registered each variable, and whether its value is predicted (check mode) or secret (no_log). */
    public final RegisterNotes registers = new RegisterNotes();
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    /** --start-at-task: false until the named task is reached. */
    volatile boolean startReached;
    volatile boolean quit;
    /** A play broke off (any_errors_fatal, max_fail_percentage, or a whole batch failed): no later play runs. */
    volatile boolean playbookBroken;
    volatile boolean stepAsking = true;

    public RunContext(Inventory inventory, Templar templar, ModuleRegistry modules, ActionRegistry actions, ContentLoader loader, RunOptions options,
                      EventBus events, StepController step, ConnectionPool connections, Path playbookDir) {
        this.inventory = inventory;
        this.templar = templar;
        this.modules = modules;
        this.actions = actions;
        this.loader = loader;
        this.options = options;
        this.events = events;
        this.step = step;
        this.connections = connections;
        this.playbookDir = playbookDir;
        this.keywords = new KeywordEvaluator(templar);
        this.conditionals = new Conditionals(templar, message -> events.on(new meshplay.engine.report.Event.Warning(message)));
        this.startReached = options.startAtTask == null;
    }

    public HostState host(String name) {
        return hosts.computeIfAbsent(name, HostState::new);
    }
}
