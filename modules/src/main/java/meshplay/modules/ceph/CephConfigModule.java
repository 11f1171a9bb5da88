package meshplay.modules.ceph;

import meshplay.modules.pve.PveCli;
import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * Options in Ceph's central config database (ceph config set/rm), compared with `ceph config dump`
 * by value (8G == 8589934592). Every option name is checked with `ceph config help` first: an
 * unknown name fails the task before anything changes, naming the closest known options.
 */
public final class CephConfigModule implements Module {
    private static final String WHO_RE = "(global|mon|mgr|osd|mds|client)(\\.[A-Za-z0-9_.-]+)?(/[A-Za-z0-9_:.=-]+)?";

    @Override
    public String name() {
        return "ceph-config";
    }

    @Override
    public List<String> aliases() {
        return List.of("ceph_config");
    }

    @Override
    public ArgSpec spec() {
        return ArgSpec.builder("Sets or removes options in the Ceph config database (ceph config set/rm); run it once per cluster.")
                .add(arg("who", ArgType.STR).aliases("section")
                        .doc("Section for the settings map: global, mon, mgr, osd, client, osd.N, ..."))
                .add(arg("settings", ArgType.RAW).required().doc("Either a map option -> value (with who), or a list of "
                        + "{who, name, value} entries."))
                .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent")
                        .doc("absent removes the options from the given sections (values are ignored)."))
                .build();
    }

    record Setting(String who, String name, String value) {
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        List<Setting> settings = settings(ctx);
        Map<String, String> types = checkNames(ctx, settings);
        Map<String, String> current = new LinkedHashMap<>();
        for (Object o : PveCli.list(PveCli.cephJson(ctx, "ceph", "config", "dump", "-f", "json"))) {
            Map<String, Object> m = PveCli.map(o);
            if (m.get("mask") != null && !m.get("mask").toString().isEmpty()) continue;
            current.put(m.get("section") + "/" + m.get("name"), PveCli.str(m.get("value")));
        }
        boolean present = "present".equals(ctx.args().str("state"));
        List<Change> changes = new ArrayList<>();
        for (Setting s : settings) {
            String key = s.who() + "/" + s.name();
            String have = current.get(key);
            if (present && !CephValues.same(types.get(s.name()), have, s.value())) {
                List<String> cmd = List.of("ceph", "config", "set", s.who(), s.name(), s.value());
                changes.add(new Change("ceph config set " + s.who() + " " + s.name() + " " + s.value(),
                        Diff.state(key, have, s.value()), (c, r) -> PveCli.checked(c, cmd)));
            } else if (!present && have != null) {
                List<String> cmd = List.of("ceph", "config", "rm", s.who(), s.name());
                changes.add(new Change("ceph config rm " + s.who() + " " + s.name(), Diff.state(key, have, null),
                        (c, r) -> PveCli.checked(c, cmd)));
            }
        }
        return Plan.of(changes, Map.of("settings", settings.stream().map(s -> s.who() + "/" + s.name()).toList()));
    }

    private static List<Setting> settings(ModuleContext ctx) throws ModuleFailure {
        Object raw = ArgValidator.plain(ctx.args().raw("settings"));
        String who = ctx.args().str("who");
        List<Setting> out = new ArrayList<>();
        if (raw instanceof Map<?, ?> map) {
            if (who == null) throw new ModuleFailure("settings is a map, so 'who' (the section, e.g. osd or global) is required");
            for (Map.Entry<?, ?> e : map.entrySet()) out.add(new Setting(who, e.getKey().toString(), text(e.getValue())));
        } else if (raw instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> m = PveCli.map(list.get(i));
                String w = m.get("who") != null ? m.get("who").toString() : who;
                if (w == null || m.get("name") == null || (!m.containsKey("value") && "present".equals(ctx.args().str("state")))) {
                    throw new ModuleFailure("settings[" + i + "] needs who, name and value (e.g. {who: osd, name: osd_memory_target, value: 8G})");
                }
                out.add(new Setting(w, m.get("name").toString(), text(m.get("value"))));
            }
        } else {
            throw new ModuleFailure("settings must be a map of option: value or a list of {who, name, value}");
        }
        for (Setting s : out) {
            if (!s.who().matches(WHO_RE)) {
                throw new ModuleFailure("'" + s.who() + "' is not a Ceph config section: use global, mon, mgr, osd, mds, client or a "
                        + "daemon such as osd.3");
            }
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
        return v == null ? null : v.toString();
    }

    /**
     * The mon's answer to an unknown option (ConfigMonitor.cc): `config help X` exits 2 (ENOENT) with
     * "Error ENOENT: " and no message; `config set` exits 22 with "Error EINVAL: unrecognized config option 'X'".
     */
    static boolean unknownOption(ExecResult r) {
        String err = r.stderr().strip();
        return (r.rc() == 2 && err.startsWith("Error ENOENT:"))
                || (r.rc() == 22 && err.startsWith("Error EINVAL: unrecognized config option"));
    }

    /** Option name -> Ceph type; fails naming every unknown option and its closest known names. */
    private static Map<String, String> checkNames(ModuleContext ctx, List<Setting> settings) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Setting s : settings) {
            if (types.containsKey(s.name()) || unknown.contains(s.name())) continue;
            ExecResult r = PveCli.run(ctx, "ceph", "config", "help", s.name(), "-f", "json");
            if (PveCli.notInstalledInCheckMode(ctx, r)) types.put(s.name(), "str");  // checked in the real run
            else if (r.ok()) types.put(s.name(), PveCli.str(PveCli.map(PveCli.parse(List.of("ceph", "config", "help"), r.stdout())).get("type")));
            else if (unknownOption(r)) unknown.add(s.name());
            else throw PveCli.failure(List.of("ceph", "config", "help", s.name()), r);
        }
        if (!unknown.isEmpty()) {
            List<String> known = PveCli.list(PveCli.cephJson(ctx, "ceph", "config", "ls", "-f", "json")).stream().map(Object::toString).toList();
            StringBuilder msg = new StringBuilder("unknown Ceph option(s), nothing was changed:");
            for (String u : unknown) {
                List<String> close = known.stream().sorted(Comparator.comparingInt((String k) -> ArgValidator.editDistance(u, k))
                        .thenComparing(k -> k)).filter(k -> ArgValidator.editDistance(u, k) <= Math.max(3, u.length() / 3))
                        .limit(3).toList();
                msg.append(' ').append(u).append(close.isEmpty() ? " (no similar option)" : " (did you mean: " + String.join(", ", close) + "?)")
                        .append(';');
            }
            msg.setLength(msg.length() - 1);
            throw new ModuleFailure(msg.toString(), Map.of("unknown", unknown));
        }
        return types;
    }
}
