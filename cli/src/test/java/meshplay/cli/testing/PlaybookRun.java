package meshplay.cli.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import meshplay.engine.Engine;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import meshplay.engine.model.Playbook;
import meshplay.engine.model.PlaybookLoader;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.CheckSummaryReporter;
import meshplay.engine.report.ConsoleReporter;
import meshplay.engine.report.Event;
import meshplay.engine.report.EventBus;
import meshplay.engine.report.HostStats;
import meshplay.engine.step.StepController;
import meshplay.engine.testing.TempRoot;
import meshplay.engine.vault.Vault;

/**
 * Runs a playbook file through the real engine (playbook loader, INI inventory, MVEL templar, the
 * built-in modules found with ServiceLoader, the Runner) against hosts that are local connections on
 * temporary roots, one per host, with fake tools first on PATH. Keeps the events and the console text.
 * Each host has the variable host_root (its root's real path) for commands that must stay inside it.
 */
public final class PlaybookRun {
    private final Path dir;
    private final Map<String, TempRoot> roots = new LinkedHashMap<>();
    private final Path bin;

    public PlaybookRun(Path dir, String... hosts) throws IOException {
        this.dir = dir;
        StringBuilder inv = new StringBuilder();
        for (String h : hosts) {
            TempRoot r = new TempRoot(dir.resolve("hosts").resolve(h));
            roots.put(h, r);
            inv.append(h).append(" ansible_connection=local host_root=").append(r.root()).append('\n');
        }
        this.bin = Files.createDirectories(dir.resolve("fakebin"));
        Files.writeString(dir.resolve("inventory.ini"), inv.toString());
    }

    public TempRoot root(String host) {
        return roots.get(host);
    }

    public Path dir() {
        return dir;
    }

    /** Installs a fake tool for every host: a /bin/sh script; $MESHPLAY_TEST_ROOT is the host's root. */
    public PlaybookRun fakeTool(String name, String script) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        p.toFile().setExecutable(true);
        return this;
    }

    public Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    /** One finished run: exit code, recap, events and console text. */
    public record Result(Runner.Outcome outcome, List<Event> events, String console) {
        public int exitCode() {
            return outcome.exitCode().code;
        }

        public Map<String, String> recap() {
            Map<String, String> out = new TreeMap<>();
            outcome.stats().snapshot().forEach((h, s) -> out.put(h, format(s)));
            return out;
        }

        public int changed(String host) {
            HostStats s = outcome.stats().snapshot().get(host);
            return s == null ? 0 : s.changed();
        }

        /** The names of the tasks that reported changed on a host. */
        public Set<String> changedTasks(String host) {
            Set<String> out = new LinkedHashSet<>();
            for (Event e : events) {
                if (e instanceof Event.HostResult r && !r.item() && r.host().equals(host) && r.result().changed()) out.add(r.task());
            }
            return out;
        }

        public List<Event.HostResult> results(String task) {
            List<Event.HostResult> out = new ArrayList<>();
            for (Event e : events) {
                if (e instanceof Event.HostResult r && !r.item() && r.task().equals(task)) out.add(r);
            }
            return out;
        }

        private static String format(HostStats s) {
            return "ok=" + s.ok() + " changed=" + s.changed() + " unreachable=" + s.unreachable() + " failed=" + s.failed()
                    + " skipped=" + s.skipped() + " rescued=" + s.rescued() + " ignored=" + s.ignored();
        }
    }

    public Result run(String playbook, RunOptions options) {
        return run(playbook, options, StepController.NONE);
    }

    public Result run(String playbook, RunOptions options, StepController step) {
        Path file = dir.resolve(playbook);
        Engine engine = new Engine(ModuleRegistry.load());
        PlaybookLoader loader = engine.loader(List.of(), Vault.NONE);
        Playbook pb = loader.load(file);
        Inventory inventory = InventoryLoader.load(List.of(dir.resolve("inventory.ini").toString()), dir);
        List<Event> events = new CopyOnWriteArrayList<>();
        StringWriter console = new StringWriter();
        PrintWriter pw = new PrintWriter(console);
        EventBus bus = new EventBus(events::add, new ConsoleReporter(pw, options.verbosity, false), new CheckSummaryReporter(pw));
        Runner.Outcome outcome = engine.run(pb, new Engine.Job(dir, inventory, loader, options, bus, step, Map.of("local", new RootProvider())));
        pw.flush();
        return new Result(outcome, events, console.toString());
    }

    /** Each host's connection stands its temporary root in for "/". */
    private final class RootProvider implements ConnectionProvider {
        @Override
        public String type() {
            return "local";
        }

        @Override
        public Connection open(HostAddress address, ConnectionOptions options) {
            TempRoot r = roots.get(address.inventoryName());
            return new meshplay.engine.connect.LocalConnection(address.inventoryName(), r.root(), List.of(bin),
                    Map.of("MESHPLAY_TEST_ROOT", r.root().toString()));
        }
    }
}
