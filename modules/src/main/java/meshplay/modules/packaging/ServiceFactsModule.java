package meshplay.modules.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * service_facts: the systemd services as the fact {@code services}: a map from unit name to
 * {name, state, status, source: systemd}, read from systemctl list-units and list-unit-files the way
 * Ansible reads them (state running or stopped from the unit's sub-state; status from the unit file,
 * or not-found, masked or failed).
 */
public final class ServiceFactsModule extends BaseModule<ServiceFactsModule.Arguments> {
    private static final Set<String> BAD_STATES = Set.of("not-found", "masked", "failed");

    /** service_facts takes no arguments. */
    record Arguments() {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
            "Sets the fact 'services': every systemd service by unit name, each {name, state, status, source}.").build();

    public ServiceFactsModule() {
        super("service_facts", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        String units = systemctl(ctx, "list-units", "--no-pager", "--type", "service", "--all");
        String files = systemctl(ctx, "list-unit-files", "--no-pager", "--type", "service", "--all");
        Map<String, Map<String, Object>> services = fromUnits(units);
        for (Map.Entry<String, String> e : unitFiles(files).entrySet()) {
            Map<String, Object> s = services.get(e.getKey());
            if (s == null) {
                ExecResult r = ctx.run(ExecRequest.argv("systemctl", "show", e.getKey(), "--property=ActiveState"));
                String state = r.ok() && !r.stdout().isEmpty() ? r.stdout().replace("ActiveState=", "").stripTrailing() : "unknown";
                services.put(e.getKey(), service(e.getKey(), state, e.getValue()));
            } else if (!BAD_STATES.contains(s.get("status"))) {
                s.put("status", e.getValue());
            }
        }
        return Plan.noChange(Map.of("ansible_facts", Map.of("services", services)));
    }

    private static String systemctl(ModuleContext ctx, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("systemctl"));
        argv.addAll(List.of(args));
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        if (!r.ok()) throw new ModuleFailure("systemctl " + args[0] + " failed (rc=" + r.rc() + "): " + r.stderr().strip());
        return r.stdout();
    }

    /** list-units lines: UNIT LOAD ACTIVE SUB; a leading marker column is dropped when the unit is not-found, masked or failed. */
    static Map<String, Map<String, Object>> fromUnits(String out) {
        Map<String, Map<String, Object>> services = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.contains(".service")) continue;
            List<String> fields = List.of(line.strip().split("\\s+"));
            String status = null;
            for (String bad : BAD_STATES) {
                if (fields.contains(bad)) {
                    status = bad;
                    if (!fields.get(0).contains(".service")) fields = fields.subList(1, fields.size());
                    break;
                }
            }
            if (fields.size() < 4) continue;
            if (status == null) status = fields.get(2);
            services.put(fields.get(0), service(fields.get(0), fields.get(3).equals("running") ? "running" : "stopped", status));
        }
        return services;
    }

    /** list-unit-files lines: UNIT STATE [PRESET]. */
    static Map<String, String> unitFiles(String out) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (!line.contains(".service")) continue;
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2) files.put(f[0], f[1]);
        }
        return files;
    }

    private static Map<String, Object> service(String name, String state, String status) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("state", state);
        s.put("status", status);
        s.put("source", "systemd");
        return s;
    }
}
