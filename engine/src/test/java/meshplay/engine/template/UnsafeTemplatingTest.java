package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Unsafe;
import org.junit.jupiter.api.Test;

/**
 * The unsafe mark through templates: what an expression computes from host data is marked, what it
 * computes from trusted values only is not, and marked text is never evaluated.
 */
class UnsafeTemplatingTest {
    private final MvelTemplar t = new MvelTemplar();
    // ordered (stdout first), so that "first" below picks text whatever the JVM's Map.of order
    private final Map<String, Object> hostResult = castMap(Unsafe.mark(ordered("stdout", "1 == 1", "rc", 0,
        "stdout_lines", List.of("1 == 1"))));
    private final Map<String, Object> vars = Y.vars("r", hostResult, "trusted", "1 == 1", "n", 2,
        "via", Y.s("{{ r.stdout }}"), "wrapper", Map.of("inner", hostResult));

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private Object render(String template) {
        return t.render(Y.s(template), vars);
    }

    @Test
    void markingCopiesSoThatEqualTextElsewhereStaysTrusted() {
        String literal = "1 == 1";
        Object marked = Unsafe.mark(literal);
        assertEquals(literal, marked);
        assertNotSame(literal, marked);
        assertTrue(Unsafe.is(marked));
        assertFalse(Unsafe.is(literal));
        assertTrue(Unsafe.is(hostResult.get("stdout")) && Unsafe.is(hostResult.get("stdout_lines")));
        assertTrue(Unsafe.is(((List<?>) hostResult.get("stdout_lines")).get(0)));
        assertFalse(Unsafe.is(hostResult.get("rc")), "numbers cannot hold code and are not marked");
    }

    @Test
    void whatATemplateComputesFromHostDataIsMarked() {
        for (String template : List.of("{{ r.stdout }}", "{{ r.stdout | upper }}", "{{ r.stdout ~ '' }}", "x {{ r.stdout }}",
                "{{ r.stdout_lines | join(',') }}", "{{ r['stdout'].strip() }}", "{{ r.stdout[0:3] }}", "{{ via }}",
                "{{ wrapper.inner.stdout }}", "{{ r | dict2items | map(attribute='value') | first }}",
                "{% for l in r.stdout_lines %}{{ l }}{% endfor %}", "{% set x = r.stdout %}{{ x }}",
                "{{ missing | default(r.stdout) }}", "{{ lookup('vars', 'trusted') }}")) {
            Object v = render(template);
            assertTrue(Unsafe.is(v), () -> template + " -> " + v + " should be marked");
        }
        assertTrue(Unsafe.is(render("{{ [r.stdout, 'a'] }}")));
        assertTrue(Unsafe.is(((List<?>) render("{{ [r.stdout, 'a'] }}")).get(1)), "a marked list is marked all the way down");
    }

    @Test
    void trustedResultsAreNotMarked() {
        for (String template : List.of("{{ trusted }}", "{{ trusted | upper }}", "x {{ n }}", "{{ [trusted] }}", "{{ 'a' ~ trusted }}")) {
            Object v = render(template);
            assertFalse(Unsafe.holds(v), () -> template + " -> " + v + " should stay trusted");
        }
        assertEquals(true, render("{{ r.rc == 0 }}"), "a comparison of host data is a boolean, not text");
    }

    @Test
    void eachValueOfAMappingIsMarkedOnItsOwn() {
        Object out = t.render(Y.map("a", Y.s("{{ r.stdout }}"), "b", Y.s("{{ trusted }}")), vars);
        Map<?, ?> m = (Map<?, ?>) out;
        assertTrue(Unsafe.is(m.get("a")));
        assertFalse(Unsafe.is(m.get("b")));
    }

    @Test
    void markedTextIsNeverEvaluated() {
        Object text = render("{{ r.stdout }}");
        UserError e = assertThrows(UserError.class, () -> t.evaluate((String) text, vars, Y.AT));
        assertEquals("The conditional check '1 == 1' failed. The error was: Conditional is marked as unsafe, and cannot be evaluated.",
            e.getMessage());
        assertThrows(UserError.class, () -> t.test((String) text, vars, Y.AT));
        assertEquals(true, t.evaluate((String) render("{{ trusted }}"), vars, Y.AT), "trusted text is evaluated");
    }

    @Test
    void cyclicContainersAreMarkedAndSearchedOnce() {
        Map<String, Object> loop = new java.util.LinkedHashMap<>();
        loop.put("self", loop);
        loop.put("text", Unsafe.mark("x"));
        assertTrue(Unsafe.holds(loop));
        Map<?, ?> copy = (Map<?, ?>) Unsafe.mark(loop);
        assertTrue(copy.get("self") == copy);
    }
}
