package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.lang.IpNetwork;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Seq;
import meshplay.engine.template.TemplateTypeException;
import meshplay.engine.template.Undefined;

/** Tests for "x is name(args)": types, comparisons, regex, version, task results, sets, addresses. */
final class StandardTests {
    private StandardTests() {
    }

    static void register(Registry r) {
        r.test("defined", (in, c) -> !(in instanceof Undefined));
        r.test("undefined", (in, c) -> in instanceof Undefined);
        r.test("none", (in, c) -> in == null);
        r.test("string", (in, c) -> in instanceof CharSequence);
        r.test("number", (in, c) -> in instanceof Number);
        r.test("integer", (in, c) -> Ops.isIntegral(in));
        r.test("float", (in, c) -> in instanceof Double || in instanceof Float || in instanceof java.math.BigDecimal);
        r.test("boolean", (in, c) -> in instanceof Boolean);
        r.test("true", (in, c) -> Boolean.TRUE.equals(in));
        r.test("false", (in, c) -> Boolean.FALSE.equals(in));
        r.test("mapping", (in, c) -> in instanceof Map);
        r.test("iterable", (in, c) -> in instanceof CharSequence || in instanceof Map || Seq.isSequence(in));
        r.test("sequence", (in, c) -> in instanceof CharSequence || in instanceof Map || Seq.isSequence(in));
        r.test("sameas", (in, c) -> in == c.arg(0, null) || (in instanceof Boolean && in.equals(c.arg(0, null))));
        Test eq = (in, c) -> Ops.eq(in, c.required(0, "value"));
        r.test("equalto", eq).test("eq", eq).test("==", eq);
        Test ne = (in, c) -> !Ops.eq(in, c.required(0, "value"));
        r.test("ne", ne).test("!=", ne);
        r.test("lt", (in, c) -> Ops.compare(in, c.required(0, "value"), "<") < 0).test("<", (in, c) -> Ops.compare(in, c.required(0, "value"), "<") < 0);
        r.test("le", (in, c) -> Ops.compare(in, c.required(0, "value"), "<=") <= 0).test("<=", (in, c) -> Ops.compare(in, c.required(0, "value"), "<=") <= 0);
        r.test("gt", (in, c) -> Ops.compare(in, c.required(0, "value"), ">") > 0).test(">", (in, c) -> Ops.compare(in, c.required(0, "value"), ">") > 0);
        r.test("ge", (in, c) -> Ops.compare(in, c.required(0, "value"), ">=") >= 0).test(">=", (in, c) -> Ops.compare(in, c.required(0, "value"), ">=") >= 0);
        r.test("in", (in, c) -> Ops.contains(c.required(0, "seq"), in));
        r.test("contains", (in, c) -> Ops.contains(in, c.required(0, "value")));
        r.test("divisibleby", (in, c) -> ((Number) Ops.mod(in, c.required(0, "num"))).doubleValue() == 0);
        r.test("even", (in, c) -> ((Number) Ops.mod(in, 2)).intValue() == 0);
        r.test("odd", (in, c) -> ((Number) Ops.mod(in, 2)).intValue() == 1);
        r.test("lower", (in, c) -> Ops.toText(in).equals(Ops.toText(in).toLowerCase()));
        r.test("upper", (in, c) -> Ops.toText(in).equals(Ops.toText(in).toUpperCase()));
        r.test("match", (in, c) -> c.pattern().matcher(Ops.toText(in)).lookingAt());
        r.test("search", (in, c) -> c.pattern().matcher(Ops.toText(in)).find());
        r.test("regex", (in, c) -> {
            Matcher m = c.pattern().matcher(Ops.toText(in));
            return "match".equals(c.string(-1, "match_type", "search")) ? m.lookingAt() : m.find();
        });
        Test version = (in, c) -> version(Ops.toText(in), Ops.toText(c.required(0, "version")), c.string(1, "operator", "eq"));
        r.test("version", version).test("version_compare", version);
        Test failed = (in, c) -> flag(in, c, "failed");
        r.test("failed", failed).test("failure", failed);
        Test succeeded = (in, c) -> !flag(in, c, "failed");
        r.test("succeeded", succeeded).test("success", succeeded).test("successful", succeeded);
        Test changed = (in, c) -> flag(in, c, "changed");
        r.test("changed", changed).test("change", changed);
        Test skipped = (in, c) -> flag(in, c, "skipped");
        r.test("skipped", skipped).test("skip", skipped);
        r.test("unreachable", (in, c) -> flag(in, c, "unreachable"));
        r.test("reachable", (in, c) -> !flag(in, c, "unreachable"));
        r.test("truthy", (in, c) -> Ops.truthy(in));
        r.test("falsy", (in, c) -> !Ops.truthy(in));
        r.test("subset", (in, c) -> {
            List<Object> big = Seq.of(c.required(0, "b"));
            for (Object o : Seq.of(in)) if (!Ops.contains(big, o)) return false;
            return true;
        });
        r.test("superset", (in, c) -> {
            List<Object> big = Seq.of(in);
            for (Object o : Seq.of(c.required(0, "b"))) if (!Ops.contains(big, o)) return false;
            return true;
        });
        r.test("ip", (in, c) -> in instanceof CharSequence && IpNetwork.parse(in.toString()) != null);
        r.test("ipv4", (in, c) -> in instanceof CharSequence && IpNetwork.parse(in.toString()) != null && IpNetwork.parse(in.toString()).version() == 4);
        r.test("ipv6", (in, c) -> in instanceof CharSequence && IpNetwork.parse(in.toString()) != null && IpNetwork.parse(in.toString()).version() == 6);
        // controller-side paths (files next to the playbook), read-only
        r.test("exists", (in, c) -> java.nio.file.Files.exists(java.nio.file.Path.of(Ops.toText(in))));
        r.test("file", (in, c) -> java.nio.file.Files.isRegularFile(java.nio.file.Path.of(Ops.toText(in))));
        r.test("directory", (in, c) -> java.nio.file.Files.isDirectory(java.nio.file.Path.of(Ops.toText(in))));
        r.test("link", (in, c) -> java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of(Ops.toText(in))));
        r.test("abs", (in, c) -> Ops.toText(in).startsWith("/"));
        r.test("in_network", (in, c) -> {
            IpNetwork a = IpNetwork.parse(Ops.toText(in));
            IpNetwork net = IpNetwork.parse(Ops.toText(c.required(0, "test")));
            return a != null && net != null && net.contains(a);
        });
    }

    private static boolean flag(Object in, FilterCall c, String key) {
        if (in instanceof Map<?, ?> m) return m.containsKey(key) && Ops.truthy(m.get(key));
        throw new TemplateTypeException("the '" + c.name() + "' test expects a registered task result (a mapping), got " + Ops.typeName(in));
    }

    /** Loose version comparison: numeric parts numerically, other parts as text. */
    static boolean version(String a, String b, String op) {
        int cmp = compareVersions(a, b);
        return switch (op) {
            case "==", "=", "eq" -> cmp == 0;
            case "!=", "<>", "ne" -> cmp != 0;
            case "<", "lt" -> cmp < 0;
            case "<=", "le" -> cmp <= 0;
            case ">", "gt" -> cmp > 0;
            case ">=", "ge" -> cmp >= 0;
            default -> throw new TemplateTypeException("version: unknown operator '" + op + "' (==, !=, <, <=, >, >=, eq, ne, lt, le, gt, ge)");
        };
    }

    static int compareVersions(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean pn = Character.isDigit(p.charAt(0));
            boolean qn = Character.isDigit(q.charAt(0));
            int c = pn && qn ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
                : pn != qn ? (pn ? 1 : -1) : p.compareTo(q);
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> parts(String v) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+|[A-Za-z]+").matcher(v);
        while (m.find()) out.add(m.group());
        return out;
    }
}
