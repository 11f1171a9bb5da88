package meshplay.engine.exec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import meshplay.engine.Engine;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.model.Play;
import meshplay.engine.model.Playbook;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.ConsoleReporter;
import meshplay.engine.report.Event;
import meshplay.engine.report.EventBus;
import meshplay.engine.report.HostStats;
import meshplay.engine.report.JsonReporter;
import meshplay.engine.result.TaskResult;
import meshplay.engine.step.StepController;
import meshplay.engine.vault.Vault;

/** Runs hand-built plays against local connections and keeps every event and the console/JSON output. */
final class Fixture {
    final TestInventory inventory = new TestInventory();
    final RunOptions options = new RunOptions();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final Map<String, ConnectionProvider> providers = new HashMap<>();
    StepController step = StepController.NONE;
    final Engine engine = new Engine(new ModuleRegistry(TestModules.all()));
    meshplay.engine.model.ContentLoader loader = engine.loader(List.of(), Vault.NONE);
    StringWriter console = new StringWriter();
    StringWriter json = new StringWriter();
    Runner.Outcome outcome;

    Fixture() {
        TestModules.CALLS.clear();
        TestModules.COUNTERS.clear();
        TestModules.Overlap.MOST.set(0);
    }

    /** Hosts h1..hN using the local connection. */
    Fixture hosts(String... names) {
        for (String n : names) inventory.host(n, Y.map("ansible_connection", "local"), "web");
        return this;
    }

    /** A host of group web that cannot be reached: opening its connection is refused. */
    Fixture unreachableHost(String name) {
        inventory.host(name, Y.map("ansible_connection", "nowhere"), "web");
        providers.put("nowhere", new ConnectionProvider() {
            public String type() { return "nowhere"; }
            public meshplay.engine.connect.Connection open(meshplay.engine.connect.HostAddress a, meshplay.engine.connect.ConnectionOptions o)
                    throws meshplay.engine.connect.ConnectionException {
                throw new meshplay.engine.connect.ConnectionException("connection refused", true, null);
            }
        });
        return this;
    }

    /** Writes a file (and its directories) under {@code dir} for a playbook run from files; returns its path. */
    static Path file(Path dir, String name, String text) throws java.io.IOException {
        Path p = dir.resolve(name);
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.writeString(p, text);
        return p;
    }

    /** Loads a playbook file (with the test modules) and runs it; the playbook's directory is playbook_dir. */
    Runner.Outcome runFile(Path playbook) {
        meshplay.engine.model.PlaybookLoader files = engine.loader(List.of(), Vault.NONE);
        loader = files;
        Playbook pb = files.load(playbook);
        return runPlaybook(pb, playbook.toAbsolutePath().getParent());
    }

    Runner.Outcome run(Play... plays) {
        return runPlaybook(new Playbook(Path.of("test.yml"), List.of(plays)), Path.of("."));
    }

    private Runner.Outcome runPlaybook(Playbook playbook, Path playbookDir) {
        console = new StringWriter();
        json = new StringWriter();
        EventBus bus = new EventBus(events::add, new ConsoleReporter(new PrintWriter(console), options.verbosity, false),
                new JsonReporter(new PrintWriter(json)));
        outcome = engine.run(playbook, new Engine.Job(playbookDir, inventory, loader, options, bus, step, providers));
        return outcome;
    }

    /** Warnings the run emitted. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Event.Warning w) out.add(w.message());
        }
        return out;
    }

    HostStats stats(String host) {
        return outcome.stats().snapshot().get(host);
    }

    /** Host results (not items) of the task with this name, in arrival order. */
    List<Event.HostResult> results(String task) {
        List<Event.HostResult> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Event.HostResult r && !r.item() && r.task().equals(task)) out.add(r);
        }
        return out;
    }

    TaskResult result(String task, String host) {
        return results(task).stream().filter(r -> r.host().equals(host)).findFirst().map(Event.HostResult::result).orElse(null);
    }

    List<String> taskStarts() {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Event.TaskStart t) out.add((t.handler() ? "H:" : "") + t.name());
        }
        return out;
    }
}
