package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

/**
 * What a template cannot reach: Java classes, class loaders, reflection, processes, the runtime, the
 * system and threads, by any road (method call, attribute, filter, class name, MVEL syntax). And what it
 * still can: the methods of strings, lists and maps, arithmetic and comparisons.
 */
class SandboxTest {
    private static final String REFUSED = "cannot be used in a template";
    private final MvelTemplar t = new MvelTemplar();
    private final Map<String, Object> vars = Y.vars("s", "pve-n2", "l", List.of(3, 1, 2), "m", Map.of("a", 1),
        "k", String.class, "th", Thread.currentThread(), "n", 7);

    private UserError fails(String expression) {
        return assertThrows(UserError.class, () -> t.render(Y.s("{{ " + expression + " }}"), vars), expression);
    }

    private void refused(String expression) {
        UserError e = fails(expression);
        assertTrue(e.getMessage().contains(REFUSED), () -> expression + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("{{ " + expression + " }}"), () -> "the error names the expression: " + e.getMessage());
    }

    @Test
    void reflectionFromAnyValueIsRefused() {
        refused("''.getClass()");
        refused("s.getClass()");
        refused("l.getClass()");
        refused("m.getClass()");
        refused("n.getClass()");
        refused("''.getClass().forName('java.lang.ProcessBuilder')");
        refused("''.getClass().forName('java.lang.ProcessBuilder').getConstructors()[1].newInstance(['touch /tmp/x'.split()].toArray()).start()");
        refused("s.class");
        refused("s.getClass");
        refused("[s] | map(attribute='class') | list");
    }

    @Test
    void valuesOfForbiddenTypesCannotBeUsed() {
        refused("k.getName()");
        refused("k.name");
        refused("k.getClassLoader()");
        refused("th.getName()");
        refused("th.interrupt()");
        refused("th.getContextClassLoader()");
    }

    @Test
    void javaClassNamesAndMvelSyntaxDoNotReachJava() {
        for (String name : List.of("Runtime", "System", "Thread", "ProcessBuilder", "Class", "ClassLoader")) {
            assertEquals("'" + name + "' is undefined in {{ " + name + ".getRuntime() }}", fails(name + ".getRuntime()").getMessage());
        }
        assertEquals("'java' is undefined in {{ java.lang.Runtime.getRuntime() }}", fails("java.lang.Runtime.getRuntime()").getMessage());
        startsWith("T(java.lang.Runtime)", "'java' is undefined");
        startsWith("new java.io.File('/')", "syntax error in {{ new java.io.File('/') }}");
        startsWith("System.exit(1)", "'System' is undefined");
        startsWith("@{1}", "syntax error");
    }

    private void startsWith(String expression, String start) {
        String message = fails(expression).getMessage();
        assertTrue(message.startsWith(start), () -> expression + ": " + message);
    }

    @Test
    void ordinaryExpressionsStillWork() {
        assertEquals(true, t.evaluate("s.startswith('pve') and s.endswith('n2')", vars, Y.AT));
        assertEquals("PVE-N2", t.evaluate("s.upper()", vars, Y.AT));
        assertEquals(6, t.evaluate("s.length()", vars, Y.AT));
        assertEquals("n2", t.evaluate("s.substring(4)", vars, Y.AT));
        assertEquals(true, t.evaluate("s.contains('-n')", vars, Y.AT));
        assertEquals(List.of("pve", "n2"), t.evaluate("s.split('-')", vars, Y.AT));
        assertEquals(1, t.evaluate("l.index(1)", vars, Y.AT));
        assertEquals(List.of("a"), t.evaluate("m.keys() | list", vars, Y.AT));
        assertEquals(3, t.evaluate("l.size()", vars, Y.AT));
        assertEquals(22L, ((Number) t.evaluate("n * 3 + 1", vars, Y.AT)).longValue());
        assertEquals(3L, ((Number) t.evaluate("n // 2", vars, Y.AT)).longValue());
        assertEquals(true, t.evaluate("n > 3 and s != 'x' and 2 in l", vars, Y.AT));
        assertEquals("pve-n2:7", t.evaluate("s ~ ':' ~ n", vars, Y.AT));
    }
}
