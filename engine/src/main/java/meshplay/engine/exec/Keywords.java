package meshplay.engine.exec;

import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.YNode;

/** Reads a task's keywords for one host, templating them with the host's variables. */
final class Keywords {
    private final Templar templar;
    private final Map<String, YNode> keywords;
    private final Map<String, Object> vars;

    Keywords(Templar templar, Map<String, YNode> keywords, Map<String, Object> vars) {
        this.templar = templar;
        this.keywords = keywords;
        this.vars = vars;
    }

    boolean has(String name) {
        return keywords.get(name) != null;
    }

    YNode node(String name) {
        return keywords.get(name);
    }

    Object value(String name) {
        YNode n = keywords.get(name);
        return n == null ? null : templar.render(n, vars);
    }

    String str(String name) {
        Object v = value(name);
        return v == null ? null : String.valueOf(v);
    }

    boolean bool(String name, boolean fallback) {
        Object v = value(name);
        if (v == null) return fallback;
        try {
            return Truth.toBool(v);
        } catch (IllegalArgumentException e) {
            throw new UserError(keywords.get(name).origin(), name + ": " + e.getMessage(), "use true or false");
        }
    }

    Integer integer(String name, Integer fallback) {
        Object v = value(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new UserError(keywords.get(name).origin(), name + ": '" + v + "' is not a whole number", "write a number, e.g. " + name + ": 3");
        }
    }

    /** A number that may have a fraction (delay: 0.5). */
    double number(String name, double fallback) {
        Object v = value(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new UserError(keywords.get(name).origin(), name + ": '" + v + "' is not a number", "write a number, e.g. " + name + ": 0.5");
        }
    }

    Templar templar() {
        return templar;
    }

    Map<String, Object> vars() {
        return vars;
    }
}
