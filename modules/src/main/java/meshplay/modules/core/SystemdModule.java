package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgChoice;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;

/**
 * systemd units: running state, enablement and masking, read with one `systemctl show` and changed
 * with systemctl. restarted/reloaded always act. daemon_reload runs before the changes (not in check
 * mode) and, as in Ansible, does not by itself count as a change.
 */
public final class SystemdModule extends BaseModule<SystemdModule.Arguments> {
    /** The task's arguments. */
    /** What the unit should be doing; restarted and reloaded always act. */
    enum State { STARTED, STOPPED, RESTARTED, RELOADED }

    record Arguments(String name, State state, Boolean enabled, Boolean masked, boolean daemonReload) {
    }

    private static final Set<String> RUNNING = Set.of("active", "activating", "reloading");
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "static", "alias", "indirect", "generated", "linked", "linked-runtime");

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Controls systemd units: state (started/stopped/restarted/reloaded), enabled at boot, masked; "
                            + "daemon_reload re-reads unit files first.")
            .add(ArgSpec.arg("name", ArgType.STR).aliases("service", "unit").doc("unit name (e.g. frr or frr.service)"))
            .add(ArgSpec.choice("state", State.class)
                    .doc("started/stopped act only when needed; restarted/reloaded always act"))
            .add(ArgSpec.arg("enabled", ArgType.BOOL).doc("whether the unit starts at boot"))
            .add(ArgSpec.arg("masked", ArgType.BOOL).doc("whether the unit is masked (cannot be started)"))
            .add(ArgSpec.arg("daemon_reload", ArgType.BOOL).defaultValue(false).aliases("daemon-reload").doc("run systemctl daemon-reload before anything else"))
            .build();

    public SystemdModule() {
        super("systemd", SPEC, Arguments.class, "service", "systemd_service");
    }

    /** What `systemctl show` says about the unit. */
    private record UnitState(String load, String active, String sub, String unitFile) {
        boolean running() {
            return RUNNING.contains(active);
        }

        boolean enabled() {
            return ENABLED.contains(unitFile);
        }

        /** Units without an [Install] section or made at run time: enable/disable would change nothing. */
        boolean cannotBeEnabled() {
            return Set.of("static", "generated", "transient").contains(unitFile);
        }

        boolean masked() {
            return "masked".equals(load) || unitFile.startsWith("masked");
        }
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.name();
        boolean reload = args.daemonReload();
        if (name == null) {
            if (!reload) throw new ModuleFailure("systemd needs name (a unit) or daemon_reload: true");
            return Plan.noChange(Map.of());
        }
        if (!(args.state() != null) && args.enabled() == null && args.masked() == null && !reload) {
            throw new ModuleFailure("nothing to do for " + name + ": give state, enabled, masked or daemon_reload");
        }
        UnitState unit = show(ctx, name);
        boolean known = !"not-found".equals(unit.load()) || unit.masked();
        // a unit file copied by an earlier task is only known after daemon-reload; let that run first
        if (!known && !reload) throw new ModuleFailure("Could not find the requested service " + name + ": host");
        List<Change> changes = new ArrayList<>();
        Boolean masked = args.masked();
        if (masked != null && masked != unit.masked()) {
            changes.add(systemctl(masked ? "mask" : "unmask", name, Diff.state(name + " masked", unit.masked(), masked)));
        }
        Boolean enabled = args.enabled();
        if (enabled != null && enabled != unit.enabled() && !unit.cannotBeEnabled()) {
            changes.add(systemctl(enabled ? "enable" : "disable", name, Diff.state(name + " enabled", unit.enabled(), enabled)));
        }
        State state = args.state();
        if (state != null) {
            boolean running = unit.running();
            switch (state) {
                case STARTED -> {
                    if (!running) changes.add(systemctl("start", name, Diff.state(name + " state", unit.active(), "active")));
                }
                case STOPPED -> {
                    if (running) changes.add(systemctl("stop", name, Diff.state(name + " state", unit.active(), "inactive")));
                }
                case RESTARTED -> changes.add(systemctl(running ? "restart" : "start", name,
                        Diff.state(name + " state", unit.active(), running ? "restarted" : "active")));
                case RELOADED -> changes.add(systemctl(running ? "reload" : "start", name,
                        Diff.state(name + " state", unit.active(), running ? "reloaded" : "active")));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        if (state != null) data.put("state", ArgChoice.valueOf(state));
        if (enabled != null) data.put("enabled", enabled);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("LoadState", unit.load());
        status.put("ActiveState", unit.active());
        status.put("SubState", unit.sub());
        status.put("UnitFileState", unit.unitFile());
        data.put("status", status);
        return Plan.of(changes, data);
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
        if (args.daemonReload()) run(ctx, "daemon-reload", null);
        return super.apply(ctx, args, plan);
    }

    private static UnitState show(ModuleContext ctx, String name) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("systemctl", "show", name, "--property=LoadState,ActiveState,SubState,UnitFileState")
                .withEnv(Map.of("LC_ALL", "C", "SYSTEMD_PAGER", "")));
        if (!r.ok()) throw new ModuleFailure("systemctl show " + name + " failed (rc=" + r.rc() + "): " + r.stderr().strip());
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) props.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        return new UnitState(props.getOrDefault("LoadState", "not-found"), props.getOrDefault("ActiveState", "inactive"),
                props.getOrDefault("SubState", ""), props.getOrDefault("UnitFileState", ""));
    }

    private static Change systemctl(String verb, String name, Diff diff) {
        return new Change("systemctl " + verb + " " + name, diff, (ctx, result) -> run(ctx, verb, name));
    }

    private static void run(ModuleContext ctx, String verb, String name) throws Exception {
        List<String> argv = new ArrayList<>(List.of("systemctl", verb));
        if (name != null) argv.add(name);
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        if (!r.ok()) {
            throw new ModuleFailure("Unable to " + verb + (name == null ? "" : " service " + name) + ": " + r.stderr().strip(),
                    Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
        }
    }
}
