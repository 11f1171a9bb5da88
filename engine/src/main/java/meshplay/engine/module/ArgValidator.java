package meshplay.engine.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.Truth;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Checks and coerces a module's arguments against its {@link ArgSpec}. Values may be literal YAML
 * scalars ({@link YScalar}, so the source text decides strings and modes) or plain Java values
 * produced by templating. Errors name the argument, the module and the origin, and say how to fix it.
 */
public final class ArgValidator {
    private ArgValidator() {
    }

    /**
     * Only the argument names: unknown ones are an error, in Ansible's words ("Unsupported parameters
     * for (ansible.legacy.copy) module: mdoe. Supported parameters include: ...", see
     * {@link AnsibleBuiltins#unsupportedMessage}), at the first unknown name's origin.
     * A missing required argument is not checked here: as in Ansible, it fails the task when it runs
     * ({@link #validate}).
     */
    public static void checkNames(String module, ArgSpec spec, Iterable<String> given, Function<String, Origin> originOf) {
        if (spec.acceptsAnyArgs()) return;
        List<String> unknown = new ArrayList<>();
        for (String name : given) if (spec.find(name) == null) unknown.add(name);
        if (unknown.isEmpty()) return;
        String first = unknown.get(0);
        throw new UserError(originOf.apply(first), AnsibleBuiltins.unsupportedMessage(module, new java.util.TreeSet<>(unknown), supported(spec)),
                suggestion(first, spec).isEmpty() ? null : suggestion(first, spec).strip());
    }

    /** True when every name is an argument (or alias) of the spec. */
    public static boolean allKnown(ArgSpec spec, java.util.Collection<String> names) {
        return spec.acceptsAnyArgs() || names.stream().allMatch(n -> spec.find(n) != null);
    }

    /** The argument names, sorted, then their aliases, sorted, in parentheses (as Ansible lists them). */
    private static String supported(ArgSpec spec) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(spec.args().keySet());
        java.util.TreeSet<String> aliases = new java.util.TreeSet<>();
        for (ArgSpec.Arg a : spec.args().values()) aliases.addAll(a.aliases());
        return String.join(", ", names) + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")");
    }

    /** True when every required argument without a default is among {@code given}. */
    public static boolean hasRequired(ArgSpec spec, java.util.Collection<String> given) {
        for (ArgSpec.Arg a : spec.args().values()) {
            if (a.mandatory() && a.defaultValue() == null && given.stream().noneMatch(n -> spec.find(n) == a)) return false;
        }
        return true;
    }

    public static Args validate(String module, ArgSpec spec, Map<String, Object> given, Function<String, Origin> originOf,
                                Origin taskOrigin) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (spec.acceptsAnyArgs()) {
            given.forEach((k, v) -> out.put(k, plain(v)));
            return new Args(out);
        }
        checkNames(module, spec, given.keySet(), originOf);
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            ArgSpec.Arg a = spec.find(e.getKey());
            if (out.containsKey(a.name())) {
                throw new UserError(originOf.apply(e.getKey()), "argument '" + a.name() + "' given twice (as '" + e.getKey() + "')",
                        "keep one of its names");
            }
            Object v = coerceArg(module, a, e.getValue(), originOf.apply(e.getKey()));
            out.put(a.name(), v);
            Origin where = originOf.apply(e.getKey());
            if (where != null) origins.put(a.name(), where);
        }
        // defaults are not the user's choice: only given arguments can clash
        java.util.Set<String> givenArgs = new java.util.HashSet<>();
        out.forEach((k, v) -> { if (v != null) givenArgs.add(k); });
        for (ArgSpec.Arg a : spec.args().values()) {
            if (out.get(a.name()) == null && a.defaultValue() != null) {
                out.put(a.name(), coerceArg(module, a, a.defaultValue(), taskOrigin));
            }
            if (out.get(a.name()) == null && a.mandatory()) {
                throw new UserError(taskOrigin, "module '" + module + "' requires argument '" + a.name() + "'",
                        "add '" + a.name() + ":' to the task" + (a.description().isEmpty() ? "" : " (" + a.description() + ")"));
            }
        }
        for (List<String> group : spec.mutuallyExclusive()) {
            List<String> present = group.stream().filter(givenArgs::contains).toList();
            if (present.size() > 1) {
                throw new UserError(taskOrigin, "arguments " + String.join(" and ", present) + " of module '" + module
                        + "' cannot be used together", "keep only one of: " + String.join(", ", group));
            }
        }
        for (List<String> group : spec.requiredOneOf()) {
            if (group.stream().noneMatch(n -> out.get(n) != null)) {
                throw new UserError(taskOrigin, "module '" + module + "' needs one of: " + String.join(", ", group),
                        "add one of them to the task");
            }
        }
        return new Args(out, origins);
    }

    private static Object coerceArg(String module, ArgSpec.Arg a, Object value, Origin origin) {
        if (value == null) return null;
        try {
            Object v = coerce(a.type(), a.elements(), value);
            if (!a.choices().isEmpty() && !a.choices().contains(String.valueOf(v))) {
                throw new IllegalArgumentException("'" + v + "' is not one of: " + String.join(", ", a.choices()));
            }
            return v;
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new UserError(origin, "argument '" + a.name() + "' of module '" + module + "': " + ex.getMessage(),
                    "expected " + a.type().name().toLowerCase() + (a.choices().isEmpty() ? "" : " (" + String.join("|", a.choices()) + ")"));
        }
    }

    /** Coerces one value to a type; throws IllegalArgumentException with a readable message. */
    public static Object coerce(ArgType type, ArgType elements, Object value) {
        switch (type) {
            case STR, PATH -> {
                if (value instanceof YScalar s) return s.text();
                Object p = plain(value);
                if (p instanceof Map || p instanceof List) throw new IllegalArgumentException("expected a string, got " + describe(p));
                return String.valueOf(p);
            }
            case BOOL -> {
                return Truth.toBool(plain(value) instanceof Boolean b ? b : textOf(value));
            }
            case INT -> {
                Object p = plain(value);
                if (p instanceof Number n && !(p instanceof Double || p instanceof Float)) return n.longValue() > Integer.MAX_VALUE ? n.longValue() : n.intValue();
                String t = textOf(value).trim();
                try {
                    long l = Long.parseLong(t);
                    return l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? (Object) l : (Object) (int) l;
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("'" + t + "' is not a whole number");
                }
            }
            case FLOAT -> {
                Object p = plain(value);
                if (p instanceof Number n) return n.doubleValue();
                try {
                    return Double.parseDouble(textOf(value).trim());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("'" + textOf(value) + "' is not a number");
                }
            }
            case MODE -> {
                if (value instanceof YScalar s) return FileMode.parse(s.text());
                Object p = plain(value);
                if (p instanceof FileMode m) return m;
                if (p instanceof Number n) return FileMode.fromInteger(n.longValue());
                return FileMode.parse(String.valueOf(p));
            }
            case LIST -> {
                Object p = plain(value);
                List<Object> items = new ArrayList<>();
                if (p instanceof List<?> l) items.addAll(l);
                else if (p instanceof String s) {
                    // the parts of unsafe text stay unsafe
                    if (!s.isBlank()) for (String part : s.split(",")) items.add(Unsafe.is(s) ? Unsafe.mark(part.trim()) : part.trim());
                } else items.add(p);
                if (elements == null || elements == ArgType.RAW) return items;
                List<Object> coerced = new ArrayList<>(items.size());
                for (Object item : items) coerced.add(coerce(elements, null, item));
                return coerced;
            }
            case DICT -> {
                Object p = plain(value);
                if (p instanceof Map<?, ?> m) return m;
                throw new IllegalArgumentException("expected a mapping, got " + describe(p));
            }
            default -> {
                return plain(value);
            }
        }
    }

    /** Java value of a YAML node or of an already-plain value. */
    public static Object plain(Object value) {
        return value instanceof YNode n ? n.toJava() : value;
    }

    private static String textOf(Object value) {
        return value instanceof YScalar s ? s.text() : String.valueOf(plain(value));
    }

    private static String describe(Object p) {
        if (p instanceof Map) return "a mapping";
        if (p instanceof List) return "a list";
        return p == null ? "nothing" : "'" + p + "'";
    }

    private static String suggestion(String name, ArgSpec spec) {
        String best = Nearest.of(name, spec.args().keySet(), 2);
        return best == null ? "" : "did you mean '" + best + "'? ";
    }
}
