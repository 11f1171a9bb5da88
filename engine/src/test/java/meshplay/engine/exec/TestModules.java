package meshplay.engine.exec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/** Test-only modules that record what the runner asked of them. */
final class TestModules {
    /** One call of probe's apply (or plan in check mode). */
    record Call(String host, String connectionHost, String name, String becomeUser, Map<String, String> env, boolean check) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();

    private TestModules() {
    }

    static List<Module> all() {
        return List.of(new Probe(), new Put(), new Counter(), new Emit(), new Setup(), new Gate(), new Overlap());
    }

    static List<String> calledNames() {
        return CALLS.stream().map(Call::name).toList();
    }

    static List<String> calledNames(String host) {
        return CALLS.stream().filter(c -> c.host().equals(host)).map(Call::name).toList();
    }

    /** Reports changed or failed as asked and records every call. */
    static final class Probe implements Module {
        public String name() { return "probe"; }

        public ArgSpec spec() {
            return ArgSpec.builder("records calls")
                    .add(ArgSpec.arg("name", ArgType.STR).defaultValue("probe"))
                    .add(ArgSpec.arg("changed", ArgType.BOOL).defaultValue(false))
                    .add(ArgSpec.arg("fail", ArgType.BOOL).defaultValue(false))
                    .add(ArgSpec.arg("secret", ArgType.STR))
                    .add(ArgSpec.arg("value", ArgType.RAW))
                    .freeForm("name").build();
        }

        public Plan plan(ModuleContext ctx) throws ModuleFailure {
            if (ctx.checkMode()) record(ctx);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", ctx.args().str("name"));
            data.put("value", ctx.args().raw("value"));
            if (ctx.args().has("secret")) data.put("echo", ctx.args().str("secret"));
            if (ctx.args().bool("changed")) {
                return Plan.of(List.of(new Change("probe", Diff.state(ctx.args().str("name"), "old", "new"), (c, r) -> {
                    record(c);
                    if (c.args().bool("fail")) throw new ModuleFailure("probe " + c.args().str("name") + " failed");
                })), data);
            }
            if (!ctx.checkMode()) {
                record(ctx);
                if (ctx.args().bool("fail")) throw new ModuleFailure("probe " + ctx.args().str("name") + " failed");
            }
            return Plan.noChange(data);
        }

        private static void record(ModuleContext ctx) {
            CALLS.add(new Call(ctx.host(), ctx.connection().host(), ctx.args().str("name"),
                    ctx.become() == null ? null : ctx.become().user(), ctx.environment(), ctx.checkMode()));
        }
    }

    /** Writes content to a file (absolute path); idempotent. */
    static final class Put implements Module {
        public String name() { return "put"; }

        public ArgSpec spec() {
            return ArgSpec.builder("writes a file")
                    .add(ArgSpec.arg("path", ArgType.PATH).required())
                    .add(ArgSpec.arg("content", ArgType.STR).required()).build();
        }

        public Plan plan(ModuleContext ctx) throws Exception {
            String path = ctx.args().str("path");
            String before = ctx.connection().files().read(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
            String after = ctx.args().str("content");
            if (after.equals(before)) return Plan.noChange();
            return Plan.of(new Change("write " + path, Diff.file(path, before, after),
                    (c, r) -> c.connection().files().write(path, after.getBytes(StandardCharsets.UTF_8), WriteOptions.DEFAULT)));
        }
    }

    /** Returns n = how many times it ran on this host (for until/retries). */
    static final class Counter implements Module {
        public String name() { return "counter"; }

        public ArgSpec spec() {
            return ArgSpec.builder("counts").add(ArgSpec.arg("key", ArgType.STR).defaultValue("c")).build();
        }

        public Plan plan(ModuleContext ctx) {
            int n = COUNTERS.computeIfAbsent(ctx.host() + "/" + ctx.args().str("key"), k -> new AtomicInteger()).incrementAndGet();
            return Plan.noChange(Map.of("n", n));
        }
    }

    /** Returns text that looks like a template, as a host might. */
    static final class Emit implements Module {
        public String name() { return "emit"; }

        public ArgSpec spec() {
            return ArgSpec.builder("emits template-looking data").build();
        }

        public Plan plan(ModuleContext ctx) {
            return Plan.noChange(Map.of("text", "{{ secret }}"));
        }
    }

    /** Facts for gather_facts. */
    static final class Setup implements Module {
        public String name() { return "setup"; }

        public ArgSpec spec() {
            return ArgSpec.builder("facts").build();
        }

        public Plan plan(ModuleContext ctx) {
            return Plan.noChange(Map.of("ansible_facts", Map.of("os_family", "Debian", "hostname", ctx.host())));
        }
    }

    /** Waits (up to 10 s) until probe recorded a call with the given name: shows whether hosts run independently. */
    /** Holds each call for a while and records how many hosts were inside it at once. */
    static final class Overlap implements Module {
        static final AtomicInteger INSIDE = new AtomicInteger();
        static final AtomicInteger MOST = new AtomicInteger();

        public String name() { return "overlap"; }

        public ArgSpec spec() {
            return ArgSpec.builder("measures concurrency").add(ArgSpec.arg("hold_ms", ArgType.INT).defaultValue(60)).build();
        }

        public Plan plan(ModuleContext ctx) throws Exception {
            MOST.accumulateAndGet(INSIDE.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ctx.args().integer("hold_ms"));
            } finally {
                INSIDE.decrementAndGet();
            }
            return Plan.noChange();
        }
    }

    static final class Gate implements Module {
        public String name() { return "gate"; }

        public ArgSpec spec() {
            return ArgSpec.builder("waits for another call").add(ArgSpec.arg("until_called", ArgType.STR).required()).build();
        }

        public Plan plan(ModuleContext ctx) throws Exception {
            String name = ctx.args().str("until_called");
            for (int i = 0; i < 1000; i++) {
                if (calledNames().contains(name)) return Plan.noChange();
                Thread.sleep(10);
            }
            throw new ModuleFailure("'" + name + "' was never called");
        }
    }
}
