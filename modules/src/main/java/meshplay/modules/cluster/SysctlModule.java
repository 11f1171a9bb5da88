package meshplay.modules.cluster;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgProblem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/**
 * Kernel parameters: kept in a sysctl.d drop-in (for the next boot) and, with {@code apply}, set live
 * with {@code sysctl -w} when /proc/sys shows another value. Both are compared (values as tokens) and
 * both appear in the diff: the file as a unified diff, the live value as {@code live KEY: old -> new}.
 * state=absent removes the key's lines from the file and leaves the live value alone (the default it
 * would go back to is not known here).
 */
public final class SysctlModule implements Module {
    static final String NAME = "sysctl";
    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Set kernel parameters persistently in a sysctl.d drop-in and live (sysctl -w), comparing both the file "
                            + "and /proc/sys (values compared as whitespace-separated tokens). Other lines of the drop-in are kept.")
            .add(arg("name", ArgType.STR).aliases("key").doc("One parameter, e.g. net.ipv4.ip_forward (dots or slashes)."))
            .add(arg("value", ArgType.RAW).aliases("val").doc("Its value; booleans become 1/0, a list is joined with spaces. Required with name and state=present."))
            .add(arg("settings", ArgType.DICT).doc("Several parameters at once, NAME: VALUE, written to the same drop-in in this order."))
            .add(arg("file", ArgType.PATH).defaultValue("/etc/sysctl.d/99-meshplay.conf").aliases("sysctl_file")
                    .doc("The drop-in file that holds the settings (other lines in it are kept byte for byte)."))
            .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent")
                    .doc("absent removes the parameters' lines from the file; live values are left as they are."))
            .add(arg("apply", ArgType.BOOL).defaultValue(true).aliases("sysctl_set")
                    .doc("Also set the live value with 'sysctl -w NAME=VALUE' when /proc/sys differs (not in check mode)."))
            .add(arg("reload", ArgType.BOOL).defaultValue(false).doc("Run 'sysctl -p FILE' after the file changed (not in check mode)."))
            .mutuallyExclusive("name", "settings")
            .requiredOneOf("name", "settings")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        String file = ArgProblem.requireAbsolute(ctx, NAME, "file", ctx.args().str("file"), "/etc/sysctl.d/90-tb4.conf");
        boolean present = "present".equals(ctx.args().str("state"));
        Map<String, String> wanted = wanted(ctx, present);

        String before = FileContent.readText(ctx.connection().files(), file);
        String after = before;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            after = present ? SysctlFile.withSetting(after, e.getKey(), e.getValue()) : SysctlFile.withoutSetting(after, e.getKey());
        }
        List<Change> changes = new ArrayList<>();
        Change write = FileContent.textChange(file, before, after);
        if (write != null) changes.add(write);

        Map<String, Object> live = new LinkedHashMap<>();
        if (present && ctx.args().bool("apply")) {
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                String key = e.getKey();
                String current = liveValue(ctx, key);
                live.put(key, current);
                if (!SysctlFile.sameValue(current, e.getValue())) {
                    String assignment = key + "=" + e.getValue();
                    changes.add(new Change("sysctl -w " + assignment, Diff.state("live " + key, current, e.getValue()),
                            (c, result) -> {
                                var r = c.runChecked("sysctl", "-w", assignment);
                                if (!r.stderr().isBlank()) {
                                    throw new ModuleFailure("sysctl -w " + assignment + " failed: " + r.stderr().strip(),
                                            Map.of("stderr", r.stderr()));
                                }
                            }));
                }
            }
        }
        if (write != null && ctx.args().bool("reload")) {
            changes.add(new Change("sysctl -p " + file, null, (c, result) -> c.runChecked("sysctl", "-p", file)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file", file);
        data.put("settings", wanted);
        if (!live.isEmpty()) data.put("live_before", live);
        return Plan.of(changes, data);
    }

    private static Map<String, String> wanted(ModuleContext ctx, boolean present) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (ctx.args().has("name")) {
            Object value = ctx.args().raw("value");
            if (present && value == null) {
                throw ArgProblem.of(ctx, NAME, "value", "missing for " + ctx.args().str("name"), "add value: (e.g. value: 1)");
            }
            given.put(ctx.args().str("name"), value);
        } else {
            given.putAll(ctx.args().dict("settings"));
            if (given.isEmpty()) throw ArgProblem.of(ctx, NAME, "settings", "is empty", "give at least one NAME: VALUE");
        }
        String arg = ctx.args().has("name") ? "name" : "settings";
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String key = String.valueOf(e.getKey()).strip();
            if (!key.matches("[A-Za-z0-9_][A-Za-z0-9_.:@/-]*") || key.contains("..") || key.contains("//")) {
                throw ArgProblem.of(ctx, NAME, arg, "'" + key + "' is not a kernel parameter name", "e.g. net.ipv4.ip_forward");
            }
            if (!present) {
                out.put(key, "");
                continue;
            }
            if (e.getValue() == null || e.getValue() instanceof Map) {
                throw ArgProblem.of(ctx, NAME, ctx.args().has("name") ? "value" : "settings", "no usable value for " + key,
                        "give a number, a word or a list of numbers");
            }
            String value = SysctlFile.valueText(e.getValue());
            if (value.isEmpty() || value.contains("\n") || value.contains("\r")) {
                throw ArgProblem.of(ctx, NAME, ctx.args().has("name") ? "value" : "settings", "value of " + key + " is empty or has a line break",
                        "give the value on one line");
            }
            out.put(key, value);
        }
        return out;
    }

    private static String liveValue(ModuleContext ctx, String key) throws Exception {
        String path = SysctlFile.procPath(key);
        String value = FileContent.readText(ctx.connection().files(), path);
        if (value == null) {
            throw new ModuleFailure("kernel parameter " + key + " does not exist on " + ctx.host() + " (" + path + " is missing): check "
                    + "the spelling, load the module that provides it first (e.g. br_netfilter for net.bridge.*), or set apply: false "
                    + "to only write the file", Map.of("name", key));
        }
        return String.join(" ", SysctlFile.tokens(value));
    }
}
