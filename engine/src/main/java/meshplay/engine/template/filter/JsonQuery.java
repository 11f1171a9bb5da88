package meshplay.engine.template.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.lang.Json;
import meshplay.engine.lang.LangException;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Seq;
import meshplay.engine.template.TemplateTypeException;

/**
 * The json_query filter: a JMESPath subset. Fields ({@code a.b}, {@code "quoted"}), indexes and slices,
 * projections ({@code [*]}, {@code .*}, {@code []} flatten, {@code [?filter]}), multiselect lists and
 * hashes, pipes, comparisons, {@code || && !}, literals ({@code 'raw'}, {@code `json`}), {@code @} and the
 * functions length, keys, values, contains, starts_with, ends_with, join, to_string, to_number, type,
 * max, min, sum, sort, reverse, not_null.
 */
final class JsonQuery {
    private interface Node {
        Object eval(Object current);
    }

    private static final Node CURRENT = c -> c;

    private final String src;
    private int pos;

    private JsonQuery(String src) {
        this.src = src;
    }

    static Object query(Object data, String expression) {
        JsonQuery q = new JsonQuery(expression);
        Node n = q.expression(0);
        q.skipSpace();
        if (q.pos < q.src.length()) throw q.error("unexpected '" + q.src.charAt(q.pos) + "'");
        return n.eval(data);
    }

    // ---- lexing helpers

    private TemplateTypeException error(String what) {
        return new TemplateTypeException("json_query: " + what + " at character " + (pos + 1) + " of '" + src + "'");
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private boolean peek(String s) {
        skipSpace();
        return src.startsWith(s, pos);
    }

    private boolean accept(String s) {
        if (!peek(s)) return false;
        pos += s.length();
        return true;
    }

    private void expect(String s) {
        if (!accept(s)) throw error("expected '" + s + "'");
    }

    private boolean peekIdentifier() {
        skipSpace();
        return pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_');
    }

    private String identifier() {
        skipSpace();
        int s = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (s == pos) throw error("expected a name");
        return src.substring(s, pos);
    }

    private String delimited(char close) {
        int s = ++pos;
        StringBuilder b = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != close) {
            if (src.charAt(pos) == '\\' && pos + 1 < src.length()) pos++;
            b.append(src.charAt(pos++));
        }
        if (pos >= src.length()) {
            pos = s - 1;
            throw error("unterminated " + close + "..." + close);
        }
        pos++;
        return b.toString();
    }

    private Integer number() {
        skipSpace();
        int s = pos;
        if (pos < src.length() && src.charAt(pos) == '-') pos++;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (s == pos || (pos == s + 1 && src.charAt(s) == '-')) {
            pos = s;
            return null;
        }
        return Integer.parseInt(src.substring(s, pos));
    }

    // ---- grammar (binding powers as in the JMESPath specification)

    /** The binding power of the operator ahead: below 10 ends a projection's right-hand side. */
    private int aheadPower() {
        skipSpace();
        if (pos >= src.length()) return 0;
        if (peek("||")) return 2;
        if (peek("&&")) return 3;
        if (peek("|")) return 1;
        if (peek("==") || peek("!=") || peek("<") || peek(">")) return 5;
        if (peek("[]")) return 9;
        if (peek("[?")) return 21;
        if (peek("[")) return 55;
        if (peek(".")) return 40;
        return 0;
    }

    private Node expression(int bp) {
        return continueFrom(nud(), bp);
    }

    private Node nud() {
        skipSpace();
        if (pos >= src.length()) throw error("unexpected end");
        char c = src.charAt(pos);
        if (c == '\'') {
            String s = delimited('\'');
            return x -> s;
        }
        if (c == '`') {
            Object v = literal(delimited('`'));
            return x -> v;
        }
        if (c == '"') {
            String name = delimited('"');
            return field(name);
        }
        if (accept("@")) return CURRENT;
        if (accept("*")) return valueProjection(CURRENT, projectionRhs(20));
        if (accept("!")) {
            Node n = expression(45);
            return x -> !truthy(n.eval(x));
        }
        if (accept("(")) {
            Node n = expression(0);
            expect(")");
            return n;
        }
        if (accept("{")) return multiselectHash();
        if (peek("[")) return bracket(CURRENT);
        if (peekIdentifier()) {
            String name = identifier();
            if (accept("(")) return function(name);
            return field(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Node led(Node left) {
        if (accept("||")) {
            Node right = expression(2);
            return x -> {
                Object l = left.eval(x);
                return truthy(l) ? l : right.eval(x);
            };
        }
        if (accept("&&")) {
            Node right = expression(3);
            return x -> {
                Object l = left.eval(x);
                return truthy(l) ? right.eval(x) : l;
            };
        }
        if (accept("|")) {
            Node right = expression(1);
            return x -> right.eval(left.eval(x));
        }
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (accept(op)) {
                Node right = expression(5);
                return x -> compare(op, left.eval(x), right.eval(x));
            }
        }
        if (accept(".")) {
            if (accept("*")) return valueProjection(left, projectionRhs(40));
            Node right = dotRhs();
            return x -> right.eval(left.eval(x));
        }
        if (peek("[")) return bracket(left);
        throw error("unexpected '" + src.charAt(pos) + "'");
    }

    private Node dotRhs() {
        skipSpace();
        if (peek("[")) {
            pos++;
            return multiselectList();
        }
        if (accept("{")) return multiselectHash();
        if (peek("\"")) return field(delimited('"'));
        String name = identifier();
        if (accept("(")) return function(name);
        return field(name);
    }

    /** What follows "[": flatten, projection, filter, index, slice, or (at the start) a multiselect list. */
    private Node bracket(Node left) {
        expect("[");
        if (accept("]")) return projection(flatten(left), projectionRhs(9));
        if (accept("*")) {
            expect("]");
            return projection(left, projectionRhs(20));
        }
        if (accept("?")) {
            Node cond = expression(0);
            expect("]");
            Node rhs = projectionRhs(21);
            return x -> {
                Object v = left.eval(x);
                if (!(v instanceof List<?> l)) return null;
                List<Object> out = new ArrayList<>();
                for (Object e : l) {
                    if (!truthy(cond.eval(e))) continue;
                    Object r = rhs.eval(e);
                    if (r != null) out.add(r);
                }
                return out;
            };
        }
        Integer start = number();
        if (start != null && accept("]")) {
            int i = start;
            return x -> {
                Object v = left.eval(x);
                if (!(v instanceof List<?> l)) return null;
                int at = i < 0 ? l.size() + i : i;
                return at >= 0 && at < l.size() ? l.get(at) : null;
            };
        }
        if (start != null || peek(":")) {
            Integer[] parts = {start, null, null};
            for (int k = 1; k < 3 && accept(":"); k++) parts[k] = number();
            expect("]");
            Node slice = x -> {
                Object v = left.eval(x);
                if (!(v instanceof List<?>)) return null;
                return Seq.slice(v, parts[0], parts[1], parts[2]);
            };
            return projection(slice, projectionRhs(20));
        }
        if (left != CURRENT) throw error("expected an index, '*', '?' or ']'");
        return multiselectList();
    }

    /** After "[" when it starts a multiselect list: [a, b]. */
    private Node multiselectList() {
        List<Node> items = new ArrayList<>();
        do {
            items.add(expression(0));
        } while (accept(","));
        expect("]");
        return x -> {
            if (x == null) return null;
            List<Object> out = new ArrayList<>();
            for (Node n : items) out.add(n.eval(x));
            return out;
        };
    }

    private Node multiselectHash() {
        Map<String, Node> items = new LinkedHashMap<>();
        do {
            skipSpace();
            String key = peek("\"") ? delimited('"') : identifier();
            expect(":");
            items.put(key, expression(0));
        } while (accept(","));
        expect("}");
        return x -> {
            if (x == null) return null;
            Map<String, Object> out = new LinkedHashMap<>();
            items.forEach((k, n) -> out.put(k, n.eval(x)));
            return out;
        };
    }

    /** What a projection applies to each element: nothing more, or the following .field / [..] chain. */
    private Node projectionRhs(int bp) {
        int ahead = aheadPower();
        if (ahead < 10) return CURRENT;
        if (peek("[")) return continueFrom(CURRENT, bp);
        if (accept(".")) {
            if (accept("*")) return valueProjection(CURRENT, projectionRhs(20));
            return continueFrom(dotRhs(), bp);
        }
        throw error("unexpected '" + src.charAt(pos) + "' after a projection");
    }

    /** Applies the operators ahead that bind tighter than {@code bp} to {@code left}. */
    private Node continueFrom(Node left, int bp) {
        Node n = left;
        while (aheadPower() > bp) n = led(n);
        return n;
    }

    private static Node projection(Node left, Node rhs) {
        return x -> {
            Object v = left.eval(x);
            if (!(v instanceof List<?> l)) return null;
            List<Object> out = new ArrayList<>();
            for (Object e : l) {
                Object r = rhs.eval(e);
                if (r != null) out.add(r);
            }
            return out;
        };
    }

    private static Node valueProjection(Node left, Node rhs) {
        return x -> {
            Object v = left.eval(x);
            if (!(v instanceof Map<?, ?> m)) return null;
            List<Object> out = new ArrayList<>();
            for (Object e : m.values()) {
                Object r = rhs.eval(e);
                if (r != null) out.add(r);
            }
            return out;
        };
    }

    private static Node flatten(Node left) {
        return x -> {
            Object v = left.eval(x);
            if (!(v instanceof List<?> l)) return null;
            List<Object> out = new ArrayList<>();
            for (Object e : l) {
                if (e instanceof List<?> inner) out.addAll(inner);
                else out.add(e);
            }
            return out;
        };
    }

    private static Node field(String name) {
        return x -> x instanceof Map<?, ?> m ? m.get(name) : null;
    }

    private static Object literal(String text) {
        try {
            return Json.parse(text);
        } catch (LangException e) {
            return text.strip();
        }
    }

    /** JMESPath truthiness: false, null and empty strings, lists and objects are false. */
    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) return false;
        if (v instanceof CharSequence || v instanceof List || v instanceof Map) return Ops.length(v) > 0;
        return true;
    }

    private static Object compare(String op, Object a, Object b) {
        switch (op) {
            case "==":
                return Ops.eq(a, b) && !(a instanceof Boolean ^ b instanceof Boolean);
            case "!=":
                return !(Ops.eq(a, b) && !(a instanceof Boolean ^ b instanceof Boolean));
            default:
                if (!(a instanceof Number) || !(b instanceof Number)) return null;
                int c = new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
        }
    }

    // ---- functions

    private Node function(String name) {
        List<Node> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(expression(0));
            } while (accept(","));
            expect(")");
        }
        return x -> {
            List<Object> v = new ArrayList<>();
            for (Node a : args) v.add(a.eval(x));
            return call(name, v);
        };
    }

    private Object call(String name, List<Object> a) {
        switch (name) {
            case "length":
                return Ops.length(arg(a, 0, name));
            case "keys":
                return new ArrayList<>(((Map<?, ?>) arg(a, 0, name)).keySet());
            case "values":
                return new ArrayList<>(((Map<?, ?>) arg(a, 0, name)).values());
            case "contains":
                return Ops.contains(arg(a, 0, name), arg(a, 1, name));
            case "starts_with":
                return Ops.toText(arg(a, 0, name)).startsWith(Ops.toText(arg(a, 1, name)));
            case "ends_with":
                return Ops.toText(arg(a, 0, name)).endsWith(Ops.toText(arg(a, 1, name)));
            case "join": {
                List<String> parts = new ArrayList<>();
                for (Object o : Seq.of(arg(a, 1, name))) parts.add(Ops.toText(o));
                return String.join(Ops.toText(arg(a, 0, name)), parts);
            }
            case "to_string":
                return arg(a, 0, name) instanceof String s ? s : Json.write(arg(a, 0, name));
            case "to_number": {
                Object v = arg(a, 0, name);
                if (v instanceof Number) return v;
                try {
                    return Json.parse(Ops.toText(v)) instanceof Number n ? n : null;
                } catch (LangException e) {
                    return null;
                }
            }
            case "type": {
                Object v = arg(a, 0, name);
                if (v == null) return "null";
                if (v instanceof Boolean) return "boolean";
                if (v instanceof Number) return "number";
                if (v instanceof CharSequence) return "string";
                if (v instanceof Map) return "object";
                return "array";
            }
            case "max":
            case "min": {
                Object best = null;
                for (Object o : Seq.of(arg(a, 0, name))) {
                    if (best == null || (name.equals("max") ? Ops.compare(o, best, ">") > 0 : Ops.compare(o, best, "<") < 0)) best = o;
                }
                return best;
            }
            case "sum": {
                Object total = 0;
                for (Object o : Seq.of(arg(a, 0, name))) total = Ops.add(total, o);
                return total;
            }
            case "sort": {
                List<Object> l = Seq.of(arg(a, 0, name));
                l.sort((p, q) -> Ops.compare(p, q, "<"));
                return l;
            }
            case "reverse": {
                Object v = arg(a, 0, name);
                if (v instanceof CharSequence s) return new StringBuilder(s).reverse().toString();
                List<Object> l = Seq.of(v);
                java.util.Collections.reverse(l);
                return l;
            }
            case "not_null":
                for (Object o : a) if (o != null) return o;
                return null;
            default:
                throw error("unknown function '" + name + "()'");
        }
    }

    private Object arg(List<Object> a, int i, String fn) {
        if (i >= a.size()) throw error(fn + "() needs " + (i + 1) + " argument" + (i == 0 ? "" : "s"));
        return a.get(i);
    }
}
