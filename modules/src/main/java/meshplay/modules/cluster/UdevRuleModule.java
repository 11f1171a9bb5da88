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
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;

/**
 * Manages one udev rules file. The file is compared as parsed rules (spacing and blank lines do not
 * count); when it must change it is rewritten from the given rules, one per line. With
 * {@code reload} (the default), a change is followed by {@code udevadm control --reload-rules} so
 * udevd uses the new rules for the next event; nothing is triggered.
 */
public final class UdevRuleModule implements Module {
    static final String NAME = "udev-rule";
    static final String DIR = "/etc/udev/rules.d";
    private static final ArgSpec SPEC = buildSpec();

    private static ArgSpec buildSpec() {
        ArgSpec.Builder b = ArgSpec.builder(
                "Write or remove a udev rules file from structured rules ({match: {...}, assign: {...}}) or raw lines. "
                        + "Validates keys and operators against udev(7); compares parsed rules; reloads udevd's rules when changed.");
        DropInPath.addPathArgs(b, DIR, ".rules", "tb-en", "Prefix that orders rules files (quote it: \"10\").");
        b.add(arg("rules", ArgType.LIST).doc("The file's lines in order. Each item is a raw line (a string, written as is; "
                + "comments too) or a mapping {match: {KEY: value}, assign: {KEY: value}}. Match keys render ==, or != when the "
                + "key ends with '!'; a list value becomes \"a|b\". Assign keys render =, or +=, := and -= when the key ends "
                + "with '+', ':' or '-'. Match keys: " + String.join(", ", UdevRulesFile.MATCH_KEYS) + ". Assign keys: "
                + String.join(", ", UdevRulesFile.ASSIGN_KEYS) + "."));
        DropInPath.addStateArg(b);
        b.add(arg("reload", ArgType.BOOL).defaultValue(true).doc("Run 'udevadm control --reload-rules' after a change (never in check mode)."));
        return b.build();
    }

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
        DropInPath.Planned file = DropInPath.plan(ctx, NAME, DIR, ".rules", before -> {
            String rendered = render(ctx);
            return before != null && UdevRulesFile.meaning(before).equals(UdevRulesFile.meaning(rendered)) ? before : rendered;
        });
        List<Change> changes = new ArrayList<>();
        Change write = file.change();
        if (write != null) {
            changes.add(write);
            if (ctx.args().bool("reload")) {
                changes.add(new Change("udevadm control --reload-rules", null,
                        (c, result) -> c.runChecked("udevadm", "control", "--reload-rules")));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", file.path());
        return Plan.of(changes, data);
    }

    private static String render(ModuleContext ctx) {
        List<Object> rules = ctx.args().list("rules");
        if (rules.isEmpty()) {
            throw ArgProblem.of(ctx, NAME, "rules", "no rules given", "list the rule lines, or use state: absent to remove the file");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            Object item = rules.get(i);
            String where = "item " + (i + 1) + ": ";
            if (item instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!"match".equals(k) && !"assign".equals(k)) {
                        throw ArgProblem.of(ctx, NAME, "rules", where + "unknown key '" + k + "'", "a rule mapping has only match: and assign:");
                    }
                }
                try {
                    sb.append(UdevRulesFile.render(dict(ctx, m.get("match"), where + "match"), dict(ctx, m.get("assign"), where + "assign")));
                } catch (IllegalArgumentException e) {
                    throw ArgProblem.of(ctx, NAME, "rules", where + e.getMessage(), "see udev(7) for keys and operators");
                }
            } else if (item instanceof String s) {
                if (s.contains("\n")) {
                    throw ArgProblem.of(ctx, NAME, "rules", where + "a raw line contains a line break", "give one list item per line");
                }
                sb.append(s);
            } else {
                throw ArgProblem.of(ctx, NAME, "rules", where + "expected a string or a {match, assign} mapping, got " + item,
                        "quote raw lines; write rules as {match: {...}, assign: {...}}");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dict(ModuleContext ctx, Object value, String what) {
        if (value == null) return Map.of();
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw ArgProblem.of(ctx, NAME, "rules", what + " must be a mapping of KEY: value", "e.g. match: {SUBSYSTEM: net, KERNEL: en05}");
    }
}
