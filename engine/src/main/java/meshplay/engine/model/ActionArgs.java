package meshplay.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.error.UserError;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Builds a task's arguments from the value under its action key and the {@code args:} keyword, and
 * checks literal argument names against the action's spec.
 * <ul>
 * <li>A mapping stays a mapping.</li>
 * <li>Text for an action with a free-form argument (command, shell, include_tasks, meta ...) stays a
 * YScalar; other text of the form {@code k=v k2="a b"} becomes a mapping.</li>
 * <li>{@code args:} merges into the mapping; combined with free-form text, the text goes under the
 * spec's free-form argument name (e.g. {@code cmd}).</li>
 * </ul>
 */
final class ActionArgs {
    private ActionArgs() {
    }

    static YNode build(String action, ArgSpec spec, YNode inline, YNode argsKeyword, Origin actionOrigin) {
        YNode args = fromInline(action, spec, inline, actionOrigin);
        if (Templates.isNull(argsKeyword)) return args;
        if (Templates.isTemplate(argsKeyword)) {
            if (args != null) {
                throw new UserError(argsKeyword.origin(), "'args:' as a template cannot be combined with arguments written under '" + action + "'",
                        "move all arguments into one place");
            }
            return argsKeyword;
        }
        YMap extra = (YMap) argsKeyword;
        if (args == null) return extra;
        YMap base = args instanceof YScalar s ? freeFormAsMap(action, spec, s, actionOrigin) : (YMap) args;
        return merge(base, extra);
    }

    private static YNode fromInline(String action, ArgSpec spec, YNode inline, Origin actionOrigin) {
        if (Templates.isNull(inline)) return null;
        if (inline instanceof YMap) return inline;
        if (inline instanceof YList) {
            throw new UserError(inline.origin(), "the arguments of '" + action + "' must be a mapping, not a list",
                    "write one 'name: value' per line under '" + action + ":'");
        }
        YScalar text = (YScalar) inline;
        if (spec.freeFormArg() != null) {
            // Engine actions also accept "include_tasks: file=x.yml"; a command's text is never split.
            if (EngineActions.isEngineAction(action)) {
                Optional<YMap> kv = KeyValueArgs.parse(text);
                if (kv.isPresent() && kv.get().entries().keySet().stream().allMatch(k -> spec.find(k) != null)) return kv.get();
            }
            return text;
        }
        if (Templates.isTemplate(text) && KeyValueArgs.split(text.text()).size() == 1 && !text.text().contains("=")) return text;
        return KeyValueArgs.parse(text).orElseThrow(() -> new UserError(text.origin(),
                "'" + action + "' takes named arguments, not free text: '" + text.text() + "'",
                "write them as key=value pairs or as a mapping under '" + action + ":' (one 'name: value' per line)"));
    }

    private static YMap freeFormAsMap(String action, ArgSpec spec, YScalar text, Origin actionOrigin) {
        Map<String, YNode> entries = new LinkedHashMap<>();
        entries.put(spec.freeFormArg(), text);
        return new YMap(entries, Map.of(spec.freeFormArg(), actionOrigin), text.origin());
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

    /** Unknown or missing arguments are load-time errors when the argument names are written literally. */
    static void checkNames(String action, ArgSpec spec, YNode args, Origin actionOrigin) {
        if (args instanceof YMap map) {
            if (map.entries().keySet().stream().anyMatch(Templates::isTemplate)) return;
            ArgValidator.checkNames(action, spec, map.entries().keySet(), map::keyOrigin, actionOrigin);
        } else if (args instanceof YScalar s) {
            if (spec.freeFormArg() != null) {
                ArgValidator.checkNames(action, spec, java.util.List.of(spec.freeFormArg()), k -> s.origin(), actionOrigin);
            }
        } else if (args == null) {
            ArgValidator.checkNames(action, spec, java.util.List.of(), k -> actionOrigin, actionOrigin);
        }
        if (EngineActions.META.equals(action)) checkMeta(args);
    }

    private static void checkMeta(YNode args) {
        YNode value = args instanceof YMap m ? m.get("_raw_params") : args;
        if (value instanceof YScalar s && !Templates.isTemplate(s) && !EngineActions.META_ACTIONS.contains(s.text())) {
            throw new UserError(s.origin(), "unknown meta action '" + s.text() + "'",
                    KeywordChecker.nearestHint(s.text(), EngineActions.META_ACTIONS) + "known: " + String.join(", ", EngineActions.META_ACTIONS));
        }
    }
}
