package meshplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.template.MvelTemplar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Micro-benchmarks of the hot paths of a run (plain harness, no JMH): template rendering with a warm
 * cache, argument validation of typical module arguments, and loading a 1,000-host INI inventory.
 * Each benchmark warms up, then runs measured rounds of a fixed duration and prints the median and the
 * best round in microseconds per operation. Run by bench/run (javac against cli/target/lib, the jars the launcher runs).
 */
public final class MicroBench {
    private static final long WARMUP_NS = Long.getLong("bench.warmupMs", 2000) * 1_000_000;
    private static final long ROUND_NS = Long.getLong("bench.roundMs", 500) * 1_000_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final Origin ORIGIN = new Origin("site.yml", 12, 7);

    /** Results are folded in here so the JIT cannot drop the measured work. */
    private static volatile int sink;

    private MicroBench() {
    }

    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%-58s %14s %14s %s%n", "benchmark", "median us/op", "best us/op", "(ops in the last round)");
        templates();
        validation();
        inventory();
    }

    // ---- templates: a task's usual strings, rendered for one host with a warm compile cache

    private static void templates() {
        MvelTemplar templar = new MvelTemplar();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("inventory_hostname", "h007");
        vars.put("base", playbookText("/var/tmp/meshbench/{{ inventory_hostname }}"));
        vars.put("app_port", playbookValue("8080", 8080));
        vars.put("workers", playbookValue("4", 4));
        vars.put("enabled", playbookValue("true", true));
        vars.put("packages", new YList(List.of(playbookText("nginx"), playbookText("curl"), playbookText("jq")), ORIGIN));
        vars.put("registered", Map.of("rc", 0, "stdout", "port=8080\nworkers=4", "changed", false));

        YScalar path = playbookText("{{ base }}/etc/app.conf");
        YScalar content = playbookText("# managed\nname={{ inventory_hostname }}\nport={{ app_port }}\nworkers={{ workers }}\n");
        YScalar filters = playbookText("{{ packages | join(' ') | upper }} on {{ inventory_hostname | replace('h', 'node-') }}");
        YScalar conditional = playbookText("{{ 'on' if enabled and app_port > 1024 else 'off' }}");
        String when = "registered.rc == 0 and 'port=' in registered.stdout and workers | int >= 2";

        measure("template: path with a nested variable", () -> templar.render(path, vars));
        measure("template: 4-line file content, 3 variables", () -> templar.render(content, vars));
        measure("template: filters (join, upper, replace)", () -> templar.render(filters, vars));
        measure("template: inline if", () -> templar.render(conditional, vars));
        measure("condition: when with registered result and filter", () -> templar.test(when, vars, ORIGIN));
    }

    // ---- argument validation: what each task does per host after templating

    private static void validation() {
        ModuleRegistry registry = ModuleRegistry.load();
        Module copy = registry.find("copy");
        Module file = registry.find("file");
        Module lineinfile = registry.find("lineinfile");
        Function<String, Origin> originOf = k -> ORIGIN;

        Map<String, Object> copyArgs = new LinkedHashMap<>();
        copyArgs.put("dest", "/var/tmp/meshbench/h007/etc/app.conf");
        copyArgs.put("mode", playbookText("0644"));
        copyArgs.put("content", "# managed\nname=h007\nport=8080\n");
        copyArgs.put("backup", playbookValue("no", false));
        Map<String, Object> fileArgs = new LinkedHashMap<>();
        fileArgs.put("path", "/var/tmp/meshbench/h007/data");
        fileArgs.put("state", playbookText("directory"));
        fileArgs.put("mode", playbookText("0750"));
        Map<String, Object> lineArgs = new LinkedHashMap<>();
        lineArgs.put("path", "/var/tmp/meshbench/h007/etc/settings.conf");
        lineArgs.put("regexp", playbookText("^port="));
        lineArgs.put("line", "port=8080");
        lineArgs.put("create", playbookValue("true", true));
        lineArgs.put("mode", playbookText("0644"));

        measure("validate: copy (dest, mode, content, backup)", () -> ArgValidator.validate("copy", copy.spec(), copyArgs, originOf, ORIGIN));
        measure("validate: file (path, state, mode)", () -> ArgValidator.validate("file", file.spec(), fileArgs, originOf, ORIGIN));
        measure("validate: lineinfile (path, regexp, line, create, mode)",
                () -> ArgValidator.validate("lineinfile", lineinfile.spec(), lineArgs, originOf, ORIGIN));
    }

    // ---- inventory: 1,000 hosts from ranges, children groups, group and host variables

    private static void inventory() throws IOException {
        Path dir = Files.createTempDirectory("meshplay-micro-inventory");
        try {
            Path ini = dir.resolve("hosts.ini");
            Files.writeString(ini, inventoryText());
            List<String> sources = List.of(ini.toString());
            Inventory probe = InventoryLoader.load(sources, null);
            if (probe.hosts().size() != 1000) throw new IllegalStateException("expected 1000 hosts, got " + probe.hosts().size());
            measure("inventory: load 1,000-host INI (ranges, groups, vars)", () -> InventoryLoader.load(sources, null).hosts().size());
            measure("inventory: load + variables of all 1,000 hosts", () -> {
                Inventory inv = InventoryLoader.load(sources, null);
                int n = 0;
                for (String h : inv.hosts()) n += inv.hostVars(h).size();
                return n;
            });
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.deleteIfExists(p);
            }
        }
    }

    static String inventoryText() {
        StringBuilder b = new StringBuilder();
        b.append("[web]\nweb[001:400].dc1.example ansible_port=22\n\n");
        b.append("[db]\ndb[001:200].dc1.example\n\n");
        b.append("[cache]\ncache-[a:j][01:20].dc2.example\n\n"); // 10 x 20 = 200
        b.append("[edge]\n");
        for (int i = 1; i <= 200; i++) b.append(String.format(Locale.ROOT, "edge%03d ansible_host=10.1.%d.%d rack=r%d%n", i, i / 250, i % 250, i % 8));
        b.append("\n[dc1:children]\nweb\ndb\n\n[dc2:children]\ncache\nedge\n\n");
        b.append("[all:vars]\nansible_user=deploy\nntp_server=ntp.example\n\n");
        b.append("[web:vars]\nhttp_port=8080\nworkers=8\n\n");
        b.append("[db:vars]\ndb_port=5432\nreplicas=2\n\n");
        b.append("[dc2:vars]\nproxy=http://proxy.dc2.example:3128\n");
        return b.toString();
    }

    // ---- harness

    private static void measure(String name, Op op) {
        try {
            long end = System.nanoTime() + WARMUP_NS;
            while (System.nanoTime() < end) consume(op.run());
            double[] nsPerOp = new double[ROUNDS];
            long lastOps = 0;
            for (int r = 0; r < ROUNDS; r++) {
                long ops = 0;
                long start = System.nanoTime();
                long stop = start + ROUND_NS;
                long now;
                do {
                    for (int i = 0; i < 16; i++) consume(op.run());
                    ops += 16;
                    now = System.nanoTime();
                } while (now < stop);
                nsPerOp[r] = (double) (now - start) / ops;
                lastOps = ops;
            }
            double[] sorted = nsPerOp.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-58s %14.2f %14.2f (%d)%n", name, sorted[ROUNDS / 2] / 1000, sorted[0] / 1000, lastOps);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    private static void consume(Object o) {
        sink += o == null ? 0 : o.hashCode();
    }

    private static YScalar playbookText(String text) {
        return new YScalar(text, text, true, ORIGIN);
    }

    private static YNode playbookValue(String text, Object value) {
        return new YScalar(text, value, false, ORIGIN);
    }
}
