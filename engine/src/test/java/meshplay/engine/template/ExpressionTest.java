package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jinja forms users write, as Ansible evaluates them. */
class ExpressionTest {
    private final MvelTemplar t = new MvelTemplar();
    private final Map<String, Object> vars = Y.vars(
        "x", 5, "s", "pve-n2", "l", List.of(1, 2, 3), "empty", List.of(), "none_var", null,
        "m", Map.of("a", Map.of("b", 7), "list", List.of("p", "q")),
        "hostvars", Map.of("n2", Map.of("a", "two"), "n3", Map.of("a", "three")),
        "groups", Map.of("all", List.of("n2", "n3"), "ceph", List.of("n3")),
        "inventory_hostname", "n2");

    private Object e(String expr) {
        return t.evaluate(expr, vars, Y.AT);
    }

    @Test
    void booleanWords() {
        assertEquals(true, e("x > 1 and x < 10"));
        assertEquals(true, e("x > 10 or s == 'pve-n2'"));
        assertEquals(false, e("not x"));
        assertEquals(true, e("not x > 10"));
        assertEquals(true, e("x > 1 && !(x > 10) || false"));
        assertEquals(true, e("True and not False"));
        assertEquals(null, e("None"));
        assertEquals(true, e("none_var is none"));
        assertEquals(true, e("x is not none"));
    }

    @Test
    void andOrReturnTheirOperandsLikePython() {
        assertEquals("fallback", e("none_var or 'fallback'"));
        assertEquals(5, e("x or 'fallback'"));
        assertEquals(List.of(), e("empty and x"));
        assertEquals(5, e("l and x"));
        assertEquals(3, e("(none_var or empty or l) | length"));
    }

    @Test
    void definedTests() {
        assertEquals(true, e("x is defined"));
        assertEquals(false, e("nope is defined"));
        assertEquals(true, e("nope is not defined"));
        assertEquals(true, e("nope is undefined"));
        assertEquals(false, e("m.a.zz is defined"));
        assertEquals(true, e("m.a.b is defined"));
        assertEquals(false, e("l[10] is defined"));
        assertEquals(true, e("nope is not defined or nope.x > 1"));
        assertEquals(false, e("nope is defined and nope.x > 1"));
        assertEquals(true, e("not nope is defined"));
    }

    @Test
    void membership() {
        assertEquals(true, e("2 in l"));
        assertEquals(true, e("4 not in l"));
        assertEquals(true, e("'a' in m"));
        assertEquals(false, e("'zz' in m"));
        assertEquals(true, e("'n2' in s"));
        assertEquals(true, e("inventory_hostname in groups['all']"));
        assertEquals(false, e("inventory_hostname in groups.ceph"));
        assertEquals(true, e("l contains 3"));
    }

    @Test
    void concatenationAndInlineIf() {
        assertEquals("pve-n2:5", e("s ~ ':' ~ x"));
        assertEquals("big", e("'big' if x > 3 else 'small'"));
        assertEquals("small", e("'big' if x > 30 else 'small'"));
        assertEquals("", e("'big' if x > 30"));
        assertEquals("c", e("'a' if x > 10 else 'b' if x > 8 else 'c'"));
        assertEquals("yes", e("x > 3 ? 'yes' : 'no'"));
    }

    @Test
    void accessForms() {
        assertEquals(7, e("m['a']['b']"));
        assertEquals(7, e("m.a.b"));
        assertEquals("q", e("m.list[1]"));
        assertEquals("q", e("m.list[-1]"));
        assertEquals("p", e("m.list.0"));
        assertEquals(2, t.evaluate("pairs.1.0", Map.of("pairs", List.of(List.of(0, 1), List.of(2, 3))), Y.AT));
        assertEquals(List.of(2, 3), e("l[1:]"));
        assertEquals(List.of(3, 2, 1), e("l[::-1]"));
        assertEquals("pve", e("s[:3]"));
        assertEquals("two", e("hostvars['n2']['a']"));
        assertEquals("three", e("hostvars.n3.a"));
        assertEquals(List.of("n2", "n3"), e("groups['all']"));
        String k = "b";
        assertEquals(7, t.evaluate("m.a[k]", Map.of("m", vars.get("m"), "k", k), Y.AT));
    }

    @Test
    void functionsAndMethods() {
        assertEquals(List.of(0, 1, 2), e("range(3)"));
        assertEquals(List.of(1, 3), e("range(1, 5, 2) | list"));
        assertEquals(true, e("s.startswith('pve')"));
        assertEquals(true, e("s.endswith(('x', 'n2'))"));
        assertEquals(List.of("pve", "n2"), e("s.split('-')"));
        assertEquals(List.of("a", "b  c"), e("' a b  c '.split(None, 1)"));
        assertEquals(List.of("a", "b,c"), e("'a,b,c' | split(',', 1)"));
        assertEquals(List.of("a,b", "c"), e("'a,b,c'.rsplit(',', 1)"));
        assertEquals("x-y-c", e("'a-b-c'.replace('a', 'x').replace('b', 'y', 1)"));
        assertEquals("PVE-N2", e("s.upper()"));
        assertEquals("n2", e("s.replace('pve-', '')"));
        assertEquals(6, e("s.length()"));
        assertEquals(true, e("s.contains('-n')"));
        assertEquals(List.of("a", "list"), e("m.keys() | sort"));
        assertEquals("none", e("m.get('zz', 'none')"));
        assertEquals("a-b", e("'-'.join(['a', 'b'])"));
        assertEquals("n2=5", e("'{}={}'.format('n2', x)"));
        assertEquals(Map.of("a", 1), e("dict(a=1)"));
        assertEquals("abc", e("'  abc '.strip()"));
        assertEquals(3, e("l.size()"));
        assertEquals(true, e("m.containsKey('a')"));
        assertEquals(true, e("l.contains(2)"));
        assertEquals(3, e("l.get(2)"));
        assertEquals("n2", e("s.substring(4)"));
    }

    @Test
    void arithmeticLikePython() {
        assertEquals(3.5, e("7 / 2"));
        assertEquals(3, e("7 // 2"));
        assertEquals(1, e("7 % 3"));
        assertEquals(2, e("-7 % 3"));
        assertEquals(1024, e("2 ** 10"));
        assertEquals(-5, e("-x"));
        assertEquals(List.of(1, 2, 3, 4), e("l + [4]"));
        assertEquals("ab", e("'a' + 'b'"));
        assertEquals("--", e("'-' * 2"));
        assertEquals("pve-n2-05", e("'%s-%02d' % (s, x)"));
        assertEquals("5%", e("'%d%%' % x"));
        assertEquals(10000000000L, e("10000000000"));
        assertEquals(true, e("1 == 1.0"));
        assertEquals(false, e("'1' == 1"));
        assertEquals(true, e("1 < x <= 5"));
        assertEquals(Map.of("k", 5), e("{'k': x}"));
        assertEquals(List.of(1, "a"), e("(1, 'a')"));
        assertEquals("a\tb", e("'a\\tb'"));
        assertEquals("it's", e("\"it's\""));
        assertEquals("caf\u00e9", e("'caf\\u00e9'"));
    }

    @Test
    void mvelKeywordsCanBeVariableNames() {
        assertEquals(3, t.evaluate("new + 1", Map.of("new", 2), Y.AT));
        assertEquals(true, t.evaluate("empty is defined", Map.of("empty", 1), Y.AT));
    }
}
