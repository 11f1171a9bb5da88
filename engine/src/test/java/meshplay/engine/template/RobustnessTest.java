package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Random;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

/** Whatever a user writes, the result is a value or a UserError: never another exception or a Java message. */
class RobustnessTest {
    private static final String[] PIECES = {
        "x", "s", "l", "m", "none", "nope", "1", "2.5", "'a'", "\"b\"", "(", ")", "[", "]", "{", "}", ".", ",", ":",
        "|", "+", "-", "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">", "and", "or", "not", "in", "is", "if", "else",
        "defined", "int", "length", "default", "join", "map", "select", "first", "upper", "split", "range", "m.k",
        "l[0]", "l[9]", "m['z']", "x is defined", "| default(1)", "| int", "| string", "| from_json", "| ipaddr('network')",
        "true", "false", "?", "!", "&&", "||", "'{{'", "lookup('env')", "s.split(',')", "x.foo()", "m.items()"};

    @Test
    void randomExpressionsFailCleanly() {
        MvelTemplar t = new MvelTemplar();
        Map<String, Object> vars = Y.vars("x", 3, "s", "a,b", "l", List.of(1, 2), "m", Map.of("k", "v"), "y", Y.s("{{ x + 1 }}"));
        Random random = new Random(42);
        for (int i = 0; i < 1500; i++) {
            StringBuilder expr = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) expr.append(PIECES[random.nextInt(PIECES.length)]).append(' ');
            String template = "{{ " + expr + "}}";
            try {
                t.render(Y.s(template), vars);
            } catch (UserError e) {
                String msg = e.getMessage() + " " + e.hint();
                assertFalse(msg.contains("__c") || msg.contains("Exception") || msg.contains("org.mvel"), template + " -> " + msg);
            } catch (RuntimeException e) {
                throw new AssertionError(template + " threw " + e, e);
            }
        }
    }

    private static final String[] TEXT = {
        "a", " ", "\n", "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "x", "l", " if ", " for ", " in ",
        " endif ", " endfor ", " else ", " elif ", " set ", " = ", " raw ", " endraw ", "'", "\"", "{", "}"};

    @Test
    void randomTemplatesFailCleanly() {
        MvelTemplar t = new MvelTemplar();
        Map<String, Object> vars = Y.vars("x", 3, "l", List.of(1, 2));
        Random random = new Random(7);
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(10);
            for (int k = 0; k < n; k++) text.append(TEXT[random.nextInt(TEXT.length)]);
            try {
                t.renderTemplate(text.toString(), vars, Y.AT);
            } catch (UserError e) {
                String msg = e.getMessage() + " " + e.hint();
                assertFalse(msg.contains("__c") || msg.contains("Exception") || msg.contains("org.mvel"), text + " -> " + msg);
            } catch (RuntimeException e) {
                throw new AssertionError(text + " threw " + e, e);
            }
        }
    }

    private static final String[] QUERY = {
        "a", "b", ".", "[", "]", "*", "?", "==", "!=", "<", ">=", "&&", "||", "!", "|", "(", ")", "{", "}", ":", ",",
        "'s'", "`1`", "`{\"k\": 2}`", "@", "0", "-1", "length(", "keys(", "join(',', ", "\"q\"", "[]", "[*]", ".*"};

    @Test
    void randomJsonQueriesFailCleanly() {
        MvelTemplar t = new MvelTemplar();
        Map<String, Object> vars = Y.vars("data", Map.of("a", List.of(Map.of("b", 1), Map.of("b", "x")), "q", Map.of("k", 2)));
        Random random = new Random(11);
        for (int i = 0; i < 1500; i++) {
            StringBuilder query = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int k = 0; k < n; k++) query.append(QUERY[random.nextInt(QUERY.length)]);
            Map<String, Object> withQuery = new java.util.HashMap<>(vars);
            withQuery.put("query", query.toString());
            try {
                t.evaluate("data | json_query(query)", withQuery, Y.AT);
            } catch (UserError e) {
                String msg = e.getMessage() + " " + e.hint();
                assertFalse(msg.contains("__c") || msg.contains("Exception") || msg.contains("org.mvel"), query + " -> " + msg);
            } catch (RuntimeException e) {
                throw new AssertionError(query + " threw " + e, e);
            }
        }
    }
}
