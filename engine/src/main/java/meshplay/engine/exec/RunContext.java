package meshplay.engine.exec;

import java.nio.file.Path;
import meshplay.engine.exec.actions.ActionRegistry;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.ContentLoader;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.EventBus;
import meshplay.engine.step.StepController;
import meshplay.engine.template.Templar;

/**
 * Everything one run shares, passed explicitly, never global: its inputs and services (fixed once the
 * run starts: inventory, templar, modules, engine actions, loader, options, events, step controller,
 * connections, keyword and condition evaluators) and, apart, its {@link RunState}.
 */
public final class RunContext {
    public final Inventory inventory;
    public final Templar templar;
    public final ModuleRegistry modules;
    public final ActionRegistry actions;
    public final ContentLoader loader;
    public final RunOptions options;
    public final EventBus events;
    public final StepController step;
    public final ConnectionPool connections;
    public final Path playbookDir;
    /** Evaluates templated keywords (run_once: "{{ flag }}") with the keyword's own type. */
    public final KeywordEvaluator keywords;
    /** Evaluates when / changed_when / failed_when / until. */
    public final Conditionals conditionals;
    /** What changes while the run goes on. */
    public final RunState state;

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
        this.state = new RunState(options.startAtTask == null);
    }
}
