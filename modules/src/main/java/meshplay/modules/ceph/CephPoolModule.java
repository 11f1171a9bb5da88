package meshplay.modules.ceph;

import meshplay.modules.pve.PveCli;
import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;

/**
 * A replicated Ceph pool, created with `pveceph pool create` and adjusted with `pveceph pool set`.
 * pveceph exits 0 even when the pool task failed, so the pool is read back after every change and
 * the task fails when the cluster does not show the wanted values.
 */
public final class CephPoolModule implements Module {
    private static final List<String> INT_KEYS = List.of("size", "min_size", "pg_num", "pgp_num");

    @Override
    public String name() {
        return "ceph-pool";
    }

    @Override
    public List<String> aliases() {
        return List.of("ceph_pool");
    }

    @Override
    public ArgSpec spec() {
        return ArgSpec.builder("Creates, adjusts or removes a replicated Ceph pool (pveceph pool create/set/destroy) and checks "
                        + "the result, since pveceph exits 0 when a pool task fails. Run it once per cluster.")
                .add(arg("name", ArgType.STR).required().aliases("pool").doc("Pool name (no ':', '/' or whitespace)."))
                .add(arg("size", ArgType.INT).doc("Number of replicas (1-7)."))
                .add(arg("min_size", ArgType.INT).doc("Replicas needed to serve I/O (1-7, at most size)."))
                .add(arg("pg_num", ArgType.INT).doc("Placement groups (1-32768)."))
                .add(arg("pgp_num", ArgType.INT).doc("Placement groups for placement (defaults to pg_num; set with ceph osd pool set)."))
                .add(arg("pg_autoscale_mode", ArgType.STR).choices("on", "off", "warn")
                        .doc("PG autoscaler mode; 'off' or 'warn' keeps pg_num as set."))
                .add(arg("application", ArgType.STR).choices("rbd", "cephfs", "rgw").doc("Application enabled on the pool."))
                .add(arg("crush_rule", ArgType.STR).doc("CRUSH rule name (e.g. replicated_rule)."))
                .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent")
                        .doc("absent destroys the pool and its data (needs force: true)."))
                .add(arg("force", ArgType.BOOL).defaultValue(false).doc("Required for state: absent."))
                .build();
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        String name = ctx.args().str("name");
        if (!name.matches("[^:/\\s]+")) throw new ModuleFailure("pool name '" + name + "' must not contain ':', '/' or whitespace");
        validateNumbers(ctx);
        Map<String, Object> current = readPool(ctx, name);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        if ("absent".equals(ctx.args().str("state"))) {
            if (current == null) return Plan.noChange(data);
            if (!ctx.args().bool("force")) throw new ModuleFailure("destroying pool " + name + " deletes its data; set force: true to do it");
            return Plan.of(List.of(new Change("destroy pool " + name, Diff.state("pool " + name, describe(current), null), (c, r) -> {
                PveCli.checked(c, List.of("pveceph", "pool", "destroy", name, "--force", "1"));
                if (readPool(c, name) != null) throw new ModuleFailure("pveceph pool destroy " + name + " did not remove the pool");
            })), data);
        }
        Map<String, Object> want = wanted(ctx);
        if (current == null) {
            return Plan.of(List.of(new Change("create pool " + name, Diff.state("pool " + name, null, describeWanted(want)),
                    (c, r) -> create(c, r, name, want))), data);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : want.entrySet()) {
            Object have = currentValue(current, e.getKey());
            if (same(e.getKey(), have, e.getValue())) continue;
            String key = e.getKey();
            Object value = e.getValue();
            changes.add(new Change("set pool " + name + " " + key + " " + value, Diff.state("pool " + name + " " + key, have, value),
                    (c, r) -> set(c, r, name, key, value)));
        }
        return Plan.of(changes, data);
    }

    private static void validateNumbers(ModuleContext ctx) throws ModuleFailure {
        for (String k : INT_KEYS) {
            Integer v = ctx.args().integer(k);
            int max = k.startsWith("pg") ? 32768 : 7;
            if (v != null && (v < 1 || v > max)) throw new ModuleFailure(k + " must be between 1 and " + max + ", not " + v);
        }
        Integer size = ctx.args().integer("size");
        Integer min = ctx.args().integer("min_size");
        if (size != null && min != null && min > size) throw new ModuleFailure("min_size " + min + " is larger than size " + size);
    }

    private static Map<String, Object> wanted(ModuleContext ctx) {
        Map<String, Object> want = new LinkedHashMap<>();
        for (String k : List.of("size", "min_size", "pg_num", "pgp_num", "pg_autoscale_mode", "application", "crush_rule")) {
            if (ctx.args().has(k)) want.put(k, ctx.args().raw(k));
        }
        return want;
    }

    /** The pool from `ceph osd pool ls detail -f json`, or null. */
    static Map<String, Object> readPool(ModuleContext ctx, String name) throws Exception {
        for (Object o : PveCli.list(PveCli.cephJson(ctx, "ceph", "osd", "pool", "ls", "detail", "-f", "json"))) {
            Map<String, Object> m = PveCli.map(o);
            if (name.equals(m.get("pool_name"))) return m;
        }
        return null;
    }

    private static Object currentValue(Map<String, Object> pool, String key) {
        return switch (key) {
            case "pgp_num" -> pool.get("pg_placement_num");
            case "application" -> PveCli.map(pool.get("application_metadata")).keySet().stream().sorted().toList();
            case "crush_rule" -> pool.get("crush_rule") instanceof Number n && n.intValue() == 0 ? "replicated_rule" : pool.get("crush_rule");
            default -> pool.get(key);
        };
    }

    private static boolean same(String key, Object have, Object want) {
        if (key.equals("application")) return have instanceof List<?> l && l.contains(want);
        if (have instanceof Number h && want instanceof Number w) return h.longValue() == w.longValue();
        return have != null && have.toString().equals(String.valueOf(want));
    }

    private static String describe(Map<String, Object> pool) {
        return "size=" + pool.get("size") + " min_size=" + pool.get("min_size") + " pg_num=" + pool.get("pg_num")
                + " application=" + currentValue(pool, "application");
    }

    private static String describeWanted(Map<String, Object> want) {
        StringBuilder sb = new StringBuilder();
        want.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.length() == 0 ? "defaults" : sb.toString();
    }

    private static void create(ModuleContext ctx, ModuleResult.Builder result, String name, Map<String, Object> want) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pveceph", "pool", "create", name));
        for (String k : List.of("size", "min_size", "pg_num", "pg_autoscale_mode", "application", "crush_rule")) {
            if (want.containsKey(k)) cmd.addAll(List.of("--" + k, want.get(k).toString()));
        }
        ExecResult r = PveCli.checked(ctx, cmd);
        result.put("stdout", r.stdout());
        if (want.containsKey("pgp_num")) PveCli.checked(ctx, List.of("ceph", "osd", "pool", "set", name, "pgp_num", want.get("pgp_num").toString()));
        verify(ctx, name, want, r);
    }

    private static void set(ModuleContext ctx, ModuleResult.Builder result, String name, String key, Object value) throws Exception {
        ExecResult r;
        if (key.equals("pgp_num")) r = PveCli.checked(ctx, List.of("ceph", "osd", "pool", "set", name, key, value.toString()));
        else r = PveCli.checked(ctx, List.of("pveceph", "pool", "set", name, "--" + key, value.toString()));
        verify(ctx, name, Map.of(key, value), r);
    }

    /** pveceph exits 0 when its task failed: read the pool back and compare. */
    private static void verify(ModuleContext ctx, String name, Map<String, Object> want, ExecResult r) throws Exception {
        Map<String, Object> pool = readPool(ctx, name);
        if (pool == null) {
            throw new ModuleFailure("pool " + name + " does not exist after pveceph pool create: " + r.stderr().strip(),
                    Map.of("stdout", r.stdout(), "stderr", r.stderr()));
        }
        for (Map.Entry<String, Object> e : want.entrySet()) {
            Object have = currentValue(pool, e.getKey());
            if (!same(e.getKey(), have, e.getValue())) {
                throw new ModuleFailure("pool " + name + " has " + e.getKey() + "=" + have + " instead of " + e.getValue()
                        + " after pveceph: " + r.stderr().strip(), Map.of("stdout", r.stdout(), "stderr", r.stderr()));
            }
        }
    }
}
