package meshplay.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.exec.ConnectionPool;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.exec.actions.ActionRegistry;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.ContentLoader;
import meshplay.engine.model.Playbook;
import meshplay.engine.model.PlaybookLoader;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.EventBus;
import meshplay.engine.step.StepController;
import meshplay.engine.template.MvelTemplar;
import meshplay.engine.template.Templar;
import meshplay.engine.vault.Vault;

/**
 * The engine's one entry for a front end: it loads playbooks and runs them, wiring the runner's
 * services (templar, engine actions, connections) so callers do not. One engine serves one
 * command: the loader and the runner share its module registry and its engine actions.
 */
public final class Engine {
    private final ModuleRegistry modules;
    private final ActionRegistry actions = new ActionRegistry();
    private final MvelTemplar templar = new MvelTemplar();

    public Engine(ModuleRegistry modules) {
        this.modules = modules;
    }

    public ModuleRegistry modules() {
        return modules;
    }

    /** The engine's own actions (set_fact, include_tasks, meta, ...). */
    public ActionRegistry actions() {
        return actions;
    }

    /** The templar runs use (also for --list-hosts, which renders play host patterns). */
    public Templar templar() {
        return templar;
    }

    /** A loader for playbooks; {@code rolesPath} is searched after the playbook's roles/ directories. */
    public PlaybookLoader loader(List<Path> rolesPath, Vault vault) {
        return new PlaybookLoader(modules, actions, rolesPath, vault);
    }

    /** What one run is given besides the playbook. */
    public record Job(Path playbookDir, Inventory inventory, ContentLoader loader, RunOptions options, EventBus events,
                      StepController step, Map<String, ConnectionProvider> connectionProviders) {
        /** A run whose hosts are reached with the standard connections (ssh, local). */
        public Job(Path playbookDir, Inventory inventory, ContentLoader loader, RunOptions options, EventBus events, StepController step) {
            this(playbookDir, inventory, loader, options, events, step, Map.of());
        }
    }

    /** Runs every play of the playbook, then the recap; the connections are closed when it returns. */
    public Runner.Outcome run(Playbook playbook, Job job) {
        ConnectionPool connections = new ConnectionPool(job.options().connectionOptions, job.connectionProviders());
        RunContext run = new RunContext(job.inventory(), templar.withVault(job.options().vault), modules, actions, job.loader(), job.options(), job.events(),
                job.step(), connections, job.playbookDir());
        return new Runner(run).run(playbook);
    }
}
