package meshplay.engine.template.filter;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import meshplay.engine.lang.PyRegex;
import meshplay.engine.template.Ops;
import meshplay.engine.template.TemplateTypeException;

/** The arguments of one filter or test call. A parameter can be given by position or by name. */
public record FilterCall(String name, List<Object> args, Map<String, Object> kwargs, FilterEnv env) {

    /** The parameter at {@code position}, or named {@code key}, or {@code fallback}. */
    public Object arg(int position, String key, Object fallback) {
        if (key != null && kwargs.containsKey(key)) return kwargs.get(key);
        return position >= 0 && position < args.size() ? args.get(position) : fallback;
    }

    public Object arg(int position, Object fallback) {
        return arg(position, null, fallback);
    }

    public boolean has(int position, String key) {
        return (key != null && kwargs.containsKey(key)) || (position >= 0 && position < args.size());
    }

    public Object required(int position, String key) {
        if (!has(position, key)) {
            throw new TemplateTypeException("filter '" + name + "' needs the argument '" + (key != null ? key : "#" + (position + 1)) + "'");
        }
        return arg(position, key, null);
    }

    public String string(int position, String key, String fallback) {
        Object v = arg(position, key, fallback);
        return v == null ? null : Ops.toText(v);
    }

    public boolean bool(int position, String key, boolean fallback) {
        Object v = arg(position, key, null);
        return v == null ? fallback : Ops.truthy(v);
    }

    public int integer(int position, String key, int fallback) {
        Object v = arg(position, key, null);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(Ops.toText(v).trim());
        } catch (NumberFormatException e) {
            throw new TemplateTypeException("filter '" + name + "' needs a number, got '" + v + "'");
        }
    }

    /** The Python pattern given first ("pattern"), with the ignorecase= and multiline= flags of the call. */
    public Pattern pattern() {
        return PyRegex.compile(string(0, "pattern", ""), bool(-1, "ignorecase", false), bool(-1, "multiline", false));
    }

    /** A clear type error for this filter. */
    public TemplateTypeException wrongInput(String expected, Object input) {
        return new TemplateTypeException("filter '" + name + "' expects " + expected + ", got " + Ops.typeName(input));
    }
}
