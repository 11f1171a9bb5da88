package meshplay.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.ShortName;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.yaml.KeyValueText;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Builds a task's arguments from the value under its action key and the {@code args:} keyword, and
 * checks what can be checked before running.
 * <ul>
 * <li>A mapping stays a mapping; {@code args:} is merged into it.</li>
 * <li>Text for an action with a free-form argument (command, shell, include_tasks, meta ...) stays a
 * YScalar, and {@code args:} stays a keyword beside it: the runner splits the text as Ansible does.</li>
 * <li>Other text of the form {@code k=v k2="a b"} becomes a mapping.</li>
 * </ul>
 */
final class ActionArgs {
    /** The task's arguments, and the args: keyword when it has to stay a keyword (next to free-form text). */
    record Built(YNode args, YNode argsKeyword) {
    }

    private ActionArgs() {
    }

    static Built build(String action, ArgSpec spec, boolean engineAction, YNode inline, YNode argsKeyword) {
        YNode args = fromInline(action, spec, engineAction, inline);
        if (Templates.isNull(argsKeyword)) return new Built(args, null);
        if (Templates.isTemplate(argsKeyword)) throw wholeTemplate(action, argsKeyword);
        if (args == null) return new Built(argsKeyword, null);
        if (args instanceof YScalar) {
            if (!(args instanceof YScalar && spec.freeFormArg() != null && argsKeyword instanceof YMap)) {
                throw new UserError(argsKeyword.origin(), "'args:' cannot be combined with the arguments written under '" + action + "'",
                        "move all arguments into one mapping");
            }
            return new Built(args, argsKeyword);
        }
        return new Built(merge((YMap) args, (YMap) argsKeyword), null);
    }

    private static YNode fromInline(String action, ArgSpec spec, boolean engineAction, YNode inline) {
        if (Templates.isNull(inline)) return null;
        if (inline instanceof YMap) return inline;
        if (inline instanceof YList) {
            throw new UserError(inline.origin(), "the arguments of '" + action + "' must be a mapping, not a list",
                    "write one 'name: value' per line under '" + action + ":'");
        }
        YScalar text = (YScalar) inline;
        if (spec.freeFormArg() != null) {
            // Engine actions also accept "include_tasks: file=x.yml"; a command's text is never split here.
            if (engineAction) {
                Optional<YMap> kv = KeyValueText.parse(text);
                if (kv.isPresent() && kv.get().entries().keySet().stream().allMatch(k -> spec.find(k) != null)) return kv.get();
            }
            return text;
        }
        if (Templates.isTemplate(text) && KeyValueText.split(text.text()).size() == 1 && !text.text().contains("=")) throw wholeTemplate(action, text);
        return KeyValueText.parse(text).orElseThrow(() -> new UserError(text.origin(),
                "'" + action + "' takes named arguments, not free text: '" + text.text() + "'",
                "write them as key=value pairs or as a mapping under '" + action + ":' (one 'name: value' per line)"));
    }

    private static UserError wholeTemplate(String action, YNode template) {
        return new UserError(template.origin(), "the arguments of '" + action + "' cannot be one template",
                "write the arguments as a mapping; each value may be a template (name: \"{{ value }}\")");
    }

    private static YMap merge(YMap base, YMap extra) {
        Map<String, YNode> entries = new LinkedHashMap<>(base.entries());
        Map<String, Origin> origins = new LinkedHashMap<>(base.keyOrigins());
        for (var e : extra.entries().entrySet()) {
            if (entries.containsKey(e.getKey())) {
                throw new UserError(extra.keyOrigin(e.getKey()), "argument '" + e.getKey() + "' is given both under 'args:' and in the task",
                        "keep only one of them");
            }
            entries.put(e.getKey(), e.getValue());
            origins.put(e.getKey(), extra.keyOrigin(e.getKey()));
        }
        return new YMap(entries, origins, base.origin());
    }

    /**
     * Unknown argument names of include_tasks, import_tasks, include_role and import_role are load-time
     * errors, as in Ansible; those of a module fail the task when it runs (so a task that never runs
     * does not stop the playbook). Literal values of known arguments are checked against their
     * choices; a mapping without any template that has its required arguments is validated completely
     * (types, choices, exclusive arguments), exactly as the runner would. A missing required argument
     * fails the task when it runs, as in Ansible.
     */
    static void check(String action, ArgSpec spec, Built built, Origin actionOrigin) {
        YNode args = built.args();
        List<String> names = new ArrayList<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        if (args instanceof YMap map) {
            if (map.entries().keySet().stream().anyMatch(Templates::isTemplate)) return;
            names.addAll(map.entries().keySet());
            origins.putAll(map.keyOrigins());
        } else if (args instanceof YScalar s) {
            if (spec.freeFormArg() == null) return;
            names.add(spec.freeFormArg());
            origins.put(spec.freeFormArg(), s.origin());
        }
        if (built.argsKeyword() instanceof YMap extra) {
            names.addAll(extra.entries().keySet());
            origins.putAll(extra.keyOrigins());
        }
        Function<String, Origin> originOf = k -> origins.getOrDefault(k, actionOrigin);
        if (EngineActions.ARGS_CHECKED_WHILE_LOADING.contains(ShortName.of(action))) ArgValidator.checkNames(action, spec, names, originOf);
        else if (!ArgValidator.allKnown(spec, names)) return;
        checkChoices(action, spec, args);
        if (args instanceof YMap map && built.argsKeyword() == null && !Templates.containsTemplate(map)
                && ArgValidator.hasRequired(spec, names)) {
            ArgValidator.validate(action, spec, new LinkedHashMap<>(map.entries()), originOf, actionOrigin);
        }
    }

    /** A literal value outside its argument's choices, with the nearest choice as a hint. */
    private static void checkChoices(String action, ArgSpec spec, YNode args) {
        Map<String, YNode> values = new LinkedHashMap<>();
        if (args instanceof YMap map) values.putAll(map.entries());
        else if (args instanceof YScalar s && spec.freeFormArg() != null && !s.text().contains("=")) values.put(spec.freeFormArg(), s);
        for (var e : values.entrySet()) {
            ArgSpec.Arg arg = spec.find(e.getKey());
            if (arg == null || arg.choices().isEmpty() || !(e.getValue() instanceof YScalar s) || Templates.isTemplate(s)) continue;
            String text = s.text().strip();
            if (arg.choices().contains(text) || (s.value() instanceof Boolean b && arg.choices().contains(String.valueOf(b)))) continue;
            String what = arg.name().equals(spec.freeFormArg()) ? "'" + action + "'" : "argument '" + arg.name() + "' of '" + action + "'";
            throw new UserError(s.origin(), what + " must be one of " + String.join(", ", arg.choices()) + "; got '" + text + "'",
                    KeywordChecker.nearestHint(text, arg.choices()).strip());
        }
    }
}
