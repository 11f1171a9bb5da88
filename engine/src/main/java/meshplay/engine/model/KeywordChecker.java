package meshplay.engine.model;

import java.util.regex.Pattern;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.Truth;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Checks a keyword's literal value against its {@link KeywordType} while loading, so that
 * {@code retries: many} fails before anything runs. Values that are templates are left to run time.
 */
final class KeywordChecker {
    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?%");

    private KeywordChecker() {
    }

    static void check(KeywordDef<?> keyword, YNode value) {
        if (Templates.isNull(value)) return;
        // vars and loop_control are read as mappings before any templating, so a template cannot stand for them.
        if (keyword.type() == KeywordType.VARS) {
            checkVars(keyword.name(), value);
            return;
        }
        if (keyword.type() == KeywordType.LOOP_CONTROL) {
            checkLoopControl(value);
            return;
        }
        if (Templates.isTemplate(value)) return;
        String name = keyword.name();
        switch (keyword.type()) {
            case BOOL -> {
                YScalar s = scalar(name, value, "a boolean (true/false)");
                if (!(s.value() instanceof Boolean) && !isBool(s.text())) {
                    throw wrong(value, name, "a boolean (true/false, yes/no)", "write " + name + ": true or " + name + ": false");
                }
            }
            case INT -> {
                YScalar s = scalar(name, value, "a whole number");
                if (!isWholeNumber(s)) throw wrong(value, name, "a whole number", "write " + name + ": 3 (digits only)");
            }
            case NUMBER -> {
                YScalar s = scalar(name, value, "a number");
                if (!(s.value() instanceof Number) && !isNumber(s.text())) throw wrong(value, name, "a number", "write " + name + ": 1.5");
            }
            case PERCENT -> checkPercent(name, value);
            case SERIAL -> {
                if (value instanceof YList list) {
                    for (YNode item : list.items()) if (!Templates.isTemplate(item)) checkPercent(name, item);
                } else {
                    checkPercent(name, value);
                }
            }
            case STRING -> scalar(name, value, "a single value");
            case IDENTIFIER -> {
                YScalar s = scalar(name, value, "a variable name");
                if (!VarsFile.isVariableName(s.text()) && name.equals("register")) {
                    // Ansible finds this only when the task runs, and then ends the run with exit 1 (not a
                    // parse error): meshplay finds it before anything runs, with Ansible's message and code
                    throw new UserError(value.origin(), "Invalid variable name in 'register' specified: '" + s.text() + "'",
                            "rename it, e.g. register: result_" + s.text().replaceAll("[^A-Za-z0-9_]", "_"), ExitCode.ERROR);
                }
                if (!VarsFile.isVariableName(s.text())) {
                    throw wrong(value, name, "a variable name (letters, digits and _; not starting with a digit)",
                            "rename it, e.g. " + s.text().replaceAll("[^A-Za-z0-9_]", "_"));
                }
            }
            case CONDITION, STRINGS -> scalarOrListOfScalars(name, value);
            case VARS -> checkVars(name, value);
            case MAPPING -> {
                if (!(value instanceof YMap)) throw wrong(value, name, "a mapping (key: value lines)", null);
            }
            case LIST -> {
                if (!(value instanceof YList)) throw wrong(value, name, "a list, or a template such as \"{{ items }}\"", null);
            }
            case LOOP_CONTROL -> checkLoopControl(value);
            case CHOICE -> {
                YScalar s = scalar(name, value, "one of " + String.join(", ", keyword.choices()));
                if (!keyword.choices().contains(s.text())) {
                    throw new UserError(value.origin(), "'" + name + "' must be one of " + String.join(", ", keyword.choices()) + ", got '" + s.text() + "'",
                            nearestHint(s.text(), keyword.choices()));
                }
            }
            case TASKS, ANY -> {
            }
        }
    }

    /** vars: a mapping, or (as Ansible also accepts) a list of mappings. */
    static void checkVars(String name, YNode value) {
        if (Templates.isNull(value)) return;
        if (value instanceof YList list) {
            for (YNode item : list.items()) {
                if (!(item instanceof YMap map)) throw wrong(item, name, "a mapping (or a list of mappings)", "write one 'name: value' per line under " + name + ":");
                VarsFile.checkNames(map);
            }
            return;
        }
        if (!(value instanceof YMap map)) throw wrong(value, name, "a mapping of variable names to values", "write one 'name: value' per line under " + name + ":");
        VarsFile.checkNames(map);
    }

    /** vars written as a list of mappings, as one mapping (a later entry wins); other values unchanged. */
    static YNode mergedVars(YNode value) {
        if (!(value instanceof YList list)) return value;
        java.util.Map<String, YNode> entries = new java.util.LinkedHashMap<>();
        java.util.Map<String, meshplay.engine.yaml.Origin> origins = new java.util.LinkedHashMap<>();
        for (YNode item : list.items()) {
            if (item instanceof YMap m) {
                entries.putAll(m.entries());
                origins.putAll(m.keyOrigins());
            }
        }
        return new YMap(entries, origins, value.origin());
    }

    private static void checkLoopControl(YNode value) {
        if (!(value instanceof YMap map)) throw wrong(value, "loop_control", "a mapping", "e.g. loop_control: {loop_var: item, label: \"{{ item.name }}\"}");
        for (var e : map.entries().entrySet()) {
            KeywordDef<?> k = Keywords.LOOP_CONTROL_KEYS.get(e.getKey());
            if (k == null) {
                throw new UserError(map.keyOrigin(e.getKey()), "unknown loop_control key '" + e.getKey() + "'",
                        nearestHint(e.getKey(), Keywords.LOOP_CONTROL_KEYS.keySet()) + "allowed: " + String.join(", ", Keywords.LOOP_CONTROL_KEYS.keySet()));
            }
            check(k, e.getValue());
        }
    }

    private static void checkPercent(String name, YNode value) {
        YScalar s = scalar(name, value, "a number or a percentage");
        if (!isWholeNumber(s) && !PERCENT.matcher(s.text().trim()).matches()) {
            throw wrong(value, name, "a whole number or a percentage such as 30%", null);
        }
    }

    private static void scalarOrListOfScalars(String name, YNode value) {
        if (value instanceof YMap) throw wrong(value, name, "a value or a list of values", null);
        if (value instanceof YList list) {
            for (YNode item : list.items()) {
                if (!(item instanceof YScalar)) throw wrong(item, name, "a list of plain values", null);
            }
        }
    }

    private static YScalar scalar(String name, YNode value, String expected) {
        if (value instanceof YScalar s) return s;
        throw wrong(value, name, expected, null);
    }

    private static boolean isWholeNumber(YScalar s) {
        if (s.value() instanceof Integer || s.value() instanceof Long) return true;
        return s.text().trim().matches("-?\\d+");
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBool(String text) {
        try {
            Truth.toBool(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UserError wrong(YNode value, String name, String expected, String hint) {
        return new UserError(value.origin(), "'" + name + "' expects " + expected + ", got " + describe(value), hint);
    }

    static String describe(YNode value) {
        if (value instanceof YMap) return "a mapping";
        if (value instanceof YList) return "a list";
        return "'" + ((YScalar) value).text() + "'";
    }

    /** "did you mean 'x'? " or "". */
    static String nearestHint(String name, Iterable<String> candidates) {
        String best = Nearest.of(name, candidates);
        return best == null ? "" : "did you mean '" + best + "'? ";
    }
}
