package meshplay.engine.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import meshplay.engine.error.UserError;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

class KeywordCheckerTest {
    private static YNode value(String yaml) {
        return ((YMap) YamlLoader.loadString("v: " + yaml + "\n", "k.yml")).get("v");
    }

    private static void ok(KeywordDef<?> k, String yaml) {
        assertDoesNotThrow(() -> KeywordChecker.check(k, value(yaml)), yaml);
    }

    private static String bad(KeywordDef<?> k, String yaml) {
        return assertThrows(UserError.class, () -> KeywordChecker.check(k, value(yaml)), yaml).getMessage();
    }

    @Test
    void booleans() {
        KeywordDef<?> become = Keywords.BECOME;
        for (String v : new String[] {"yes", "no", "true", "False", "on", "1", "0", "'yes'", "\"{{ b }}\"", ""}) ok(become, v);
        assertEquals("'become' expects a boolean (true/false, yes/no), got 'maybe'", bad(become, "maybe"));
        assertEquals("'become' expects a boolean (true/false), got a list", bad(become, "[true]"));
    }

    @Test
    void numbersPercentagesAndSerial() {
        KeywordDef<?> retries = Keywords.RETRIES;
        ok(retries, "3");
        ok(retries, "'3'");
        assertEquals("'retries' expects a whole number, got '2.5'", bad(retries, "2.5"));
        KeywordDef<?> serial = Keywords.SERIAL;
        ok(serial, "1");
        ok(serial, "30%");
        ok(serial, "[1, 50%, \"{{ rest }}\"]");
        assertEquals("'serial' expects a whole number or a percentage such as 30%, got 'half'", bad(serial, "[1, half]"));
        ok(KeywordDef.number("pause"), "0.5");
    }

    @Test
    void shapes() {
        ok(Keywords.WHEN, "[a, b == 1]");
        assertEquals("'when' expects a value or a list of values, got a mapping", bad(Keywords.WHEN, "{a: 1}"));
        ok(Keywords.LOOP, "\"{{ items }}\"");
        // a loop over text is no load error: as in Ansible, it fails the task when it runs
        ok(Keywords.LOOP, "abc");
        assertEquals("'with_list' expects a list, or a template such as \"{{ items }}\", got 'abc'",
                bad(KeywordDef.node("with_list", KeywordType.LIST), "abc"));
        ok(Keywords.ENVIRONMENT, "{A: 1}");
        assertEquals("'environment' expects a mapping (key: value lines), got a list", bad(Keywords.ENVIRONMENT, "[A]"));
        assertEquals("'order' must be one of sorted, shuffle, got 'random'", bad(KeywordDef.choice("order", "sorted", "shuffle"), "random"));
    }
}
