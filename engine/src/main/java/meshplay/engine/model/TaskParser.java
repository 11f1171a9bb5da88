package meshplay.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.ShortName;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.AnsibleBuiltins;
import meshplay.engine.yaml.KeyValueText;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Reads one task (not a block) from its mapping: keywords are checked and kept as written, the one
 * remaining key is the action, and its arguments are built and checked.
 *
 * <p>The legacy loops ({@code with_items}, {@code with_sequence}, ... see LoopKeywords) are kept
 * under their own names; a task has at most one loop. {@code local_action} and {@code action} name the module in their value; {@code local_action}
 * also sets {@code delegate_to: localhost}.
 */
final class TaskParser {
    private final ActionNames actions;

    TaskParser(ActionNames actions) {
        this.actions = actions;
    }

    Task parse(YMap map, TaskScope scope, Keywords.Scope where) {
        Map<String, KeywordDef<?>> allowed = Keywords.of(where);
        Map<String, YNode> keywords = new LinkedHashMap<>();
        List<String> actionKeys = new ArrayList<>();
        for (var e : map.entries().entrySet()) {
            String key = e.getKey();
            KeywordDef<?> k = allowed.get(key);
            if (k != null) {
                KeywordChecker.check(k, e.getValue());
                if (!Templates.isNull(e.getValue())) keywords.put(key, key.equals("vars") ? KeywordChecker.mergedVars(e.getValue()) : e.getValue());
            } else if (Keywords.UNSUPPORTED.containsKey(key)) {
                throw unsupported(map, key);
            } else {
                actionKeys.add(key);
            }
        }
        keywords.remove("collections");
        String name = keywords.containsKey("name") ? ((YScalar) keywords.remove("name")).text() : null;
        Call call = call(map, keywords, actionKeys, where);
        ArgSpec spec = actions.spec(call.action);
        ActionArgs.Built built = ActionArgs.build(call.action, spec, actions.isEngineAction(call.action), call.value, keywords.remove("args"));
        ActionArgs.check(call.action, spec, built, call.origin);
        if (built.argsKeyword() != null) keywords.put("args", built.argsKeyword());
        checkSingleLoop(map, keywords);
        return new Task(name, map.origin(), call.action, built.args(), keywords, scope.role(), scope.baseDir());
    }

    /** The action, the value written under it and the origin of its key. */
    private record Call(String action, YNode value, Origin origin) {
    }

    private Call call(YMap map, Map<String, YNode> keywords, List<String> actionKeys, Keywords.Scope where) {
        for (String form : List.of("local_action", "action")) {
            YNode value = keywords.remove(form);
            if (value == null) continue;
            if (!actionKeys.isEmpty()) {
                String other = actionKeys.get(0);
                if (actions.resolve(other) == null) throw unknownKeyword(map, other, where);
                throw new UserError(map.keyOrigin(other), "task has both '" + form + ":' and the module '" + other + "'",
                        "keep one: either '" + form + ": " + other + " ...' or '" + other + ": ...'");
            }
            if (keywords.containsKey("local_action") || keywords.containsKey("action")) {
                throw new UserError(map.keyOrigin(form), "task has both 'action:' and 'local_action:'", "keep one of them");
            }
            if (form.equals("local_action")) {
                if (keywords.containsKey("delegate_to")) {
                    throw new UserError(map.keyOrigin("delegate_to"), "'local_action' already runs on localhost; 'delegate_to' contradicts it",
                            "remove delegate_to, or use the module directly with delegate_to");
                }
                keywords.put("delegate_to", new YScalar("localhost", "localhost", false, map.keyOrigin(form)));
            }
            return fromActionValue(form, value);
        }
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : actionKeys) (actions.resolve(key) != null ? known : unknown).add(key);
        if (known.size() > 1) {
            throw new UserError(map.keyOrigin(known.get(1)), "task has more than one module: '" + known.get(0) + "' and '" + known.get(1) + "'",
                    "a task runs one module; split it into two tasks (check the indentation if one was meant as an argument)");
        }
        if (!unknown.isEmpty()) {
            if (!known.isEmpty()) throw unknownKeyword(map, unknown.get(0), where);
            String likelyModule = unknown.stream().filter(k -> !looksLikeKeyword(k)).findFirst().orElse(null);
            if (likelyModule == null) throw unknownKeyword(map, unknown.get(0), where);
            throw unknownModule(map, likelyModule);
        }
        if (known.isEmpty()) {
            throw new UserError(map.origin(), "task has no module to run",
                    "add one, e.g. 'command: uptime' or 'debug: msg=hello'" + (map.has("rescue") || map.has("always") ? "; or add 'block:' for rescue/always" : ""));
        }
        String key = known.get(0);
        return new Call(actions.resolve(key), map.get(key), map.keyOrigin(key));
    }

    /** "local_action: shell echo hi" or "action: {module: copy, src: a, dest: b}". */
    private Call fromActionValue(String form, YNode value) {
        if (value instanceof YScalar s) {
            String text = s.text().strip();
            int space = indexOfWhitespace(text);
            String module = space < 0 ? text : text.substring(0, space);
            String rest = space < 0 ? "" : text.substring(space).strip();
            String action = resolveOrFail(module, s.origin());
            YNode args = rest.isEmpty() ? null
                    : new YScalar(rest, rest, false, KeyValueText.originAt(s, s.text().indexOf(rest, s.text().indexOf(module) + module.length())));
            return new Call(action, args, s.origin());
        }
        if (value instanceof YMap m && m.get("module") instanceof YScalar moduleName) {
            String action = resolveOrFail(moduleName.text(), moduleName.origin());
            Map<String, YNode> rest = new LinkedHashMap<>(m.entries());
            Map<String, Origin> origins = new LinkedHashMap<>(m.keyOrigins());
            rest.remove("module");
            origins.remove("module");
            return new Call(action, rest.isEmpty() ? null : new YMap(rest, origins, m.origin()), moduleName.origin());
        }
        throw new UserError(value.origin(), "'" + form + "' needs a module: '" + form + ": MODULE args' or a mapping with 'module:'",
                "e.g. " + form + ": command uptime");
    }

    private String resolveOrFail(String key, Origin origin) {
        String action = actions.resolve(key);
        if (action == null) throw unknownModule(origin, key);
        return action;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isWhitespace(text.charAt(i))) return i;
        return -1;
    }

    private static void checkSingleLoop(YMap map, Map<String, YNode> keywords) {
        List<String> loops = LoopKeywords.ALL.stream().filter(keywords::containsKey).toList();
        if (loops.size() > 1) {
            throw new UserError(map.keyOrigin(loops.get(1)), "task has more than one loop: '" + loops.get(0) + "' and '" + loops.get(1) + "'",
                    "keep one loop keyword");
        }
    }

    /**
     * True when a key in a task without a module is a misspelt keyword rather than a misspelt module:
     * it is a keyword of another scope, or one letter away from a keyword and closer to it than to any
     * action ("becom" is a keyword, "shel" a module).
     */
    private boolean looksLikeKeyword(String key) {
        if (!Keywords.whereAllowed(key).isEmpty()) return true;
        String keyword = Nearest.of(key, Keywords.HANDLER.keySet());
        if (keyword == null || Nearest.editDistance(key, keyword) > 1) return false;
        String action = actions.nearest(key);
        return action == null || Nearest.editDistance(key, keyword) < Nearest.editDistance(ShortName.of(key), action);
    }

    private UserError unknownModule(YMap map, String key) {
        return unknownModule(map.keyOrigin(key), key);
    }

    private UserError unknownModule(Origin origin, String key) {
        if (AnsibleBuiltins.isBuiltin(key)) {
            String name = ShortName.of(key);
            String closest = AnsibleBuiltins.closestSupported(name, n -> actions.resolve(n) != null, actions::nearest);
            return new UserError(origin, AnsibleBuiltins.message(key), AnsibleBuiltins.hint(closest));
        }
        String near = actions.nearest(key);
        if (near != null) return new UserError(origin, "unknown module '" + key + "'", "did you mean '" + near + "'?");
        String keyword = Nearest.of(key, Keywords.HANDLER.keySet());
        return new UserError(origin, "unknown module '" + key + "'", "no module of that name is installed"
                + (keyword != null ? "; if it is meant as a keyword, did you mean '" + keyword + "'?" : "; a task has one module and its other keys are task keywords"));
    }

    static UserError unknownKeyword(YMap map, String key, Keywords.Scope where) {
        String elsewhere = Keywords.whereAllowed(key);
        if (!elsewhere.isEmpty()) {
            return new UserError(map.keyOrigin(key), "'" + key + "' is not allowed in " + where.label,
                    "it is allowed in " + elsewhere + "; move it there, or check the indentation");
        }
        String near = Nearest.of(key, Keywords.of(where).keySet());
        return new UserError(map.keyOrigin(key), "unknown keyword '" + key + "' in " + where.label,
                near != null ? "did you mean '" + near + "'?"
                        : "keywords allowed in " + where.label + ": " + String.join(", ", Keywords.of(where).keySet()));
    }

    static UserError unsupported(YMap map, String key) {
        return new UserError(map.keyOrigin(key), "'" + key + "' is not supported", Keywords.UNSUPPORTED.get(key));
    }

    static List<YNode> items(YNode node) {
        return node instanceof YList l ? l.items() : List.of(node);
    }
}
