package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "is" tests. */
class TestsTest {
    private final MvelTemplar t = new MvelTemplar();
    private final Map<String, Object> vars = Y.vars(
        "ok", Map.of("changed", true, "rc", 0),
        "bad", Map.of("failed", true, "rc", 2),
        "skip", Map.of("skipped", true, "changed", false),
        "kernel", "6.8.12-4-pve", "n", 6, "s", "vmbr0", "l", List.of(1, 2));

    private boolean e(String expr) {
        return t.test(expr, vars, Y.AT);
    }

    @Test
    void taskResults() {
        assertEquals(true, e("ok is succeeded"));
        assertEquals(true, e("ok is success"));
        assertEquals(true, e("ok is changed"));
        assertEquals(false, e("ok is failed"));
        assertEquals(true, e("bad is failed"));
        assertEquals(true, e("bad is not succeeded"));
        assertEquals(true, e("skip is skipped"));
        assertEquals(false, e("skip is changed"));
        assertEquals(true, e("ok is reachable"));
    }

    @Test
    void regexAndVersions() {
        assertEquals(true, e("kernel is match('6\\\\.8')"));
        assertEquals(false, e("kernel is match('pve')"));
        assertEquals(true, e("kernel is search('pve')"));
        assertEquals(true, e("kernel is regex('^6')"));
        assertEquals(true, e("kernel is version('6.5', '>=')"));
        assertEquals(true, e("kernel is version('6.8.12', 'ge')"));
        assertEquals(false, e("kernel is version('6.10', '>=')"));
        assertEquals(true, e("'1.10' is version('1.9', 'gt')"));
        assertEquals(true, e("'2.0' is version_compare('2.0', '==')"));
    }

    @Test
    void typesAndComparisons() {
        assertEquals(true, e("n is number"));
        assertEquals(true, e("n is integer"));
        assertEquals(false, e("n is float"));
        assertEquals(true, e("s is string"));
        assertEquals(true, e("ok is mapping"));
        assertEquals(true, e("l is iterable"));
        assertEquals(true, e("true is boolean"));
        assertEquals(true, e("n is divisibleby 3"));
        assertEquals(true, e("n is divisibleby(3)"));
        assertEquals(true, e("n is even"));
        assertEquals(false, e("n is odd"));
        assertEquals(true, e("n is eq 6"));
        assertEquals(true, e("n is gt(5)"));
        assertEquals(true, e("1 is in l"));
        assertEquals(true, e("l is contains 2"));
        assertEquals(true, e("[1] is subset(l)"));
        assertEquals(true, e("l is superset([2])"));
        assertEquals(true, e("s is lower"));
        assertEquals(true, e("'' is falsy"));
        assertEquals(true, e("'10.0.0.1' is ansible.utils.ipv4"));
        assertEquals(true, e("'10.0.0.1' is in_network('10.0.0.0/8')"));
        assertEquals(true, e("'/' is directory"));
        assertEquals(false, e("'/' is file"));
        assertEquals(false, e("'/no/such/path' is exists"));
        assertEquals(true, e("'/etc' is abs"));
    }
}
