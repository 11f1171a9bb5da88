package meshplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python methods users call in Jinja expressions ({@code name.startswith('n')}, {@code d.items()},
 * {@code s.split(',')}). Other method names go to the Java object itself ({@code s.length()}).
 */
final class PyMethods {
    private PyMethods() {
    }

    static Object call(Object obj, String method, List<Object> args, Map<String, Object> kw) {
        if (obj instanceof Undefined u) throw u.error();
        if (obj instanceof CharSequence cs) {
            Object r = string(cs.toString(), method, args);
            if (r != NONE) return r;
        } else if (obj instanceof Map<?, ?> m) {
            Object r = mapping(m, method, args);
            if (r != NONE) return r;
        } else if (obj instanceof List<?> l) {
            Object r = list(l, method, args);
            if (r != NONE) return r;
        }
        if (!kw.isEmpty()) throw new TemplateTypeException(method + "() does not take keyword arguments here");
        return Reflect.invoke(obj, method, args);
    }

    private static final Object NONE = new Object();

    private static Object arg(List<Object> args, int i, Object fallback) {
        return i < args.size() ? args.get(i) : fallback;
    }

    private static Object string(String s, String method, List<Object> args) {
        switch (method) {
            case "startswith":
                return anyOf(args.get(0), s::startsWith);
            case "endswith":
                return anyOf(args.get(0), s::endsWith);
            case "split":
                return StringsText.split(s, arg(args, 0, null), ((Number) arg(args, 1, -1)).intValue());
            case "rsplit": {
                Object sep = arg(args, 0, null);
                int max = ((Number) arg(args, 1, -1)).intValue();
                if (max < 0 || sep == null) return StringsText.split(s, sep, max);
                List<Object> parts = new ArrayList<>();
                String rest = s;
                String sp = sep.toString();
                while (max-- > 0) {
                    int at = rest.lastIndexOf(sp);
                    if (at < 0) break;
                    parts.add(0, rest.substring(at + sp.length()));
                    rest = rest.substring(0, at);
                }
                parts.add(0, rest);
                return parts;
            }
            case "strip":
                return StringsText.strip(s, arg(args, 0, null), true, true);
            case "lstrip":
                return StringsText.strip(s, arg(args, 0, null), true, false);
            case "rstrip":
                return StringsText.strip(s, arg(args, 0, null), false, true);
            case "lower":
                return s.toLowerCase();
            case "upper":
                return s.toUpperCase();
            case "capitalize":
                return StringsText.capitalize(s);
            case "title":
                return StringsText.title(s);
            case "replace":
                return StringsText.replace(s, Ops.toText(args.get(0)), Ops.toText(args.get(1)),
                    args.size() < 3 ? -1 : ((Number) args.get(2)).intValue());
            case "find":
                return s.indexOf(Ops.toText(args.get(0)));
            case "index": {
                int i = s.indexOf(Ops.toText(args.get(0)));
                if (i < 0) throw new TemplateTypeException("substring " + Ops.repr(args.get(0), true) + " not found");
                return i;
            }
            case "count": {
                String sub = Ops.toText(args.get(0));
                if (sub.isEmpty()) return s.length() + 1;
                int n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
                return n;
            }
            case "join": {
                List<String> parts = new ArrayList<>();
                for (Object o : Seq.of(args.get(0))) parts.add(Ops.toText(o));
                return String.join(s, parts);
            }
            case "splitlines": {
                List<Object> out = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
                if ("".equals(out.get(out.size() - 1))) out.remove(out.size() - 1);
                return out;
            }
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace":
                return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            case "isupper":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            case "zfill": {
                int width = ((Number) args.get(0)).intValue();
                String sign = s.startsWith("-") || s.startsWith("+") ? s.substring(0, 1) : "";
                String digits = s.substring(sign.length());
                return sign + "0".repeat(Math.max(0, width - s.length())) + digits;
            }
            case "ljust":
                return s + Ops.toText(arg(args, 1, " ")).repeat(Math.max(0, ((Number) args.get(0)).intValue() - s.length()));
            case "rjust":
                return Ops.toText(arg(args, 1, " ")).repeat(Math.max(0, ((Number) args.get(0)).intValue() - s.length())) + s;
            case "format":
                return format(s, args);
            default:
                return NONE;
        }
    }

    private static Object mapping(Map<?, ?> m, String method, List<Object> args) {
        switch (method) {
            case "keys":
                return new ArrayList<>(m.keySet());
            case "values":
                return new ArrayList<>(m.values());
            case "items":
                return PyItems.of(m);
            case "get": {
                Object k = args.get(0);
                return m.containsKey(k) ? m.get(k) : arg(args, 1, null);
            }
            case "copy":
                return new java.util.LinkedHashMap<>(m);
            default:
                return NONE;
        }
    }

    private static Object list(List<?> l, String method, List<Object> args) {
        switch (method) {
            case "index": {
                for (int i = 0; i < l.size(); i++) if (Ops.eq(l.get(i), args.get(0))) return i;
                throw new TemplateTypeException(Ops.repr(args.get(0), true) + " is not in list");
            }
            case "count": {
                int n = 0;
                for (Object o : l) if (Ops.eq(o, args.get(0))) n++;
                return n;
            }
            case "copy":
                return new ArrayList<>(l);
            default:
                return NONE;
        }
    }

    private static boolean anyOf(Object prefixes, java.util.function.Predicate<String> p) {
        if (prefixes instanceof List<?> l) {
            for (Object o : l) if (p.test(Ops.toText(o))) return true;
            return false;
        }
        return p.test(Ops.toText(prefixes));
    }

    /** str.format with {} and {0} placeholders (no format specs beyond plain substitution). */
    static String format(String s, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) throw new TemplateTypeException("unmatched '{' in format string");
                String field = s.substring(i + 1, end);
                int colon = field.indexOf(':');
                if (colon >= 0) field = field.substring(0, colon);
                int idx = field.isEmpty() ? auto++ : Integer.parseInt(field);
                if (idx >= args.size()) throw new TemplateTypeException("format string needs more arguments");
                out.append(Ops.toText(args.get(idx)));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
