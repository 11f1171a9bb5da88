package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

class RenderingTest {
    private final MvelTemplar t = new MvelTemplar();
    private final Map<String, Object> vars = Y.vars("mtu", 65520, "name", "n2", "nodes", List.of("n2", "n3", "n4"),
        "cfg", Map.of("ports", List.of(22, 80)), "on", true, "nothing", null);

    private Object r(String template) {
        return t.render(Y.s(template), vars);
    }

    @Test
    void loneExpressionKeepsItsTypeButANumberBecomesTextAsInAnsible() {
        assertEquals(List.of("n2", "n3", "n4"), r("{{ nodes }}"));
        assertEquals(Map.of("ports", List.of(22, 80)), r("{{ cfg }}"));
        assertEquals(true, r("{{ on }}"));
        assertEquals(true, r("{{ mtu > 9000 }}"));
        // ansible-core's non-native templating: a computed number is text, None outputs nothing
        assertEquals("65492", r("{{ mtu - 28 }}"));
        // spaces around the expression are kept, as in Ansible
        assertEquals("  65520 ", r("  {{ mtu }} "));
        assertEquals("  ['n2', 'n3', 'n4']", r("  {{ nodes }}"));
        assertEquals("1.5", r("{{ 3 / 2 }}"));
        assertEquals("", r("{{ nothing | default(None) }}"));
        assertEquals("", r("{{ nothing if false else nothing }}"));
    }

    @Test
    void renderedTextThatIsAListOrMappingLiteralBecomesOneButIsNeverEvaluated() {
        assertEquals(List.of(65520, true, List.of()), r("[{{ mtu }}, {{ on }}, []]"));
        assertEquals(Map.of("k", "n2"), r("{'k': '{{ nodes[0] }}'}"));
        assertEquals(false, r("{{ 'False' }}"));
        // a name is no literal: the text stays text
        assertEquals("[65520, mtu]", r("[{{ mtu }}, mtu]"));
        // the text of to_json stays text
        assertEquals("{\"ports\": [22, 80]}", r("{{ cfg | to_json }}"));
    }

    @Test
    void aTemplateThatOnlyNamesANumberBooleanOrNoneVariableGivesItsValue() {
        assertEquals(65520, r("{{ mtu }}"));
        assertEquals(65520, r("{{mtu}}"));
        assertEquals(true, r("{{ on }}"));
        assertEquals(null, r("{{ nothing }}"));
        // a variable whose value is a template is rendered, so its number becomes text
        vars.put("twice", Y.s("{{ mtu * 2 }}"));
        assertEquals("131040", r("{{ twice }}"));
    }

    @Test
    void mixedTextGivesAString() {
        assertEquals("mtu 65520 on n2", r("mtu {{ mtu }} on {{ name }}"));
        assertEquals("nodes: ['n2', 'n3', 'n4']", r("nodes: {{ nodes }}"));
        assertEquals("flag=True none=", r("flag={{ on }} none={{ nothing }}"));
        assertEquals("a None", r("{{ 'a ' ~ nothing }}"));
        assertEquals("{'ports': [22, 80]}!", r("{{ cfg }}!"));
        assertEquals("1.5 2.0", r("{{ 3 / 2 }} {{ 4 / 2 }}"));
        // a trailing newline is file content (copy content: "{{ x }}\n"), kept as in Ansible
        assertEquals("65520\n", r("{{ mtu }}\n"));
    }

    @Test
    void commentsDisappear() {
        assertEquals("a  b", r("a {# note #} b"));
        assertEquals("n2", r("{# note #}{{ name }}"));
    }

    @Test
    void scalarsWithoutTemplatesKeepTheirYamlValue() {
        assertEquals("NO", t.render(Y.s("NO"), vars));
        assertEquals(false, t.render(Y.plain("NO", false), vars));
        assertEquals(420, t.render(Y.plain("0644", 420), vars));
        assertEquals(null, t.render(Y.plain("~", null), vars));
    }

    @Test
    void rendersInsideMapsAndLists() {
        Object out = t.render(Y.map("mtu", Y.s("{{ mtu }}"), "hosts", Y.list(Y.s("{{ name }}"), Y.s("x-{{ name }}")),
            "{{ name }}_key", Y.plain("1", 1)), vars);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("mtu", 65520);
        expected.put("hosts", List.of("n2", "x-n2"));
        expected.put("n2_key", 1);
        assertEquals(expected, out);
    }

    @Test
    void plainJavaValuesAreDataAndNeverRendered() {
        assertEquals("{{ 7 * 7 }}", t.render("{{ 7 * 7 }}", vars));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stdout", "{{ 7 * 7 }}");
        data.put("nested", List.of("{{ mtu }}", Y.s("{{ mtu }}")));
        Object out = t.render(data, vars);
        assertEquals(Map.of("stdout", "{{ 7 * 7 }}", "nested", List.of("{{ mtu }}", 65520)), out);
        Map<String, Object> plain = Map.of("rc", 0, "stdout_lines", List.of("{{ x }}"));
        assertSame(plain, t.render(plain, vars));
    }

    @Test
    void evaluateTakesBareExpressionsOrTemplates() {
        assertEquals(65521, t.evaluate("mtu + 1", vars, Y.AT));
        assertEquals(65521, t.evaluate("mtu + 1", vars, Y.AT));
        assertEquals("65521", t.evaluate("{{ mtu + 1 }}", vars, Y.AT));
        assertTrue(t.test("mtu > 9000 and name == 'n2'", vars, Y.AT));
        assertEquals(false, t.test("nodes | length > 3", vars, Y.AT));
    }

    @Test
    void ifForAndSetStatements() {
        String tpl = "{% for n in nodes %}{{ loop.index }}:{{ n }}{% if not loop.last %},{% endif %}{% endfor %}";
        assertEquals("1:n2,2:n3,3:n4", r(tpl));
        assertEquals("big", r("{% if mtu > 9000 %}big{% elif mtu > 1500 %}jumbo{% else %}small{% endif %}"));
        assertEquals("none", r("{% for x in [] %}{{ x }}{% else %}none{% endfor %}"));
        assertEquals("n3 n4", r("{% set others = nodes | reject('equalto', name) | list %}{{ others | join(' ') }}"));
        assertEquals("22;80;", r("{% for p in cfg.ports %}{{ p }};{% endfor %}"));
        assertEquals("ports=[22, 80]", r("{% for k, v in cfg.items() %}{{ k }}={{ v }}{% endfor %}"));
        assertEquals("n3", r("{% for n in nodes if n.endswith('3') %}{{ n }}{% endfor %}"));
    }

    @Test
    void templateFilesFollowTrimBlocksAndWhitespaceControl() {
        String file = "auto lo\n{% for n in nodes %}\nhost {{ n }}\n{% endfor %}\nend\n";
        assertEquals("auto lo\nhost n2\nhost n3\nhost n4\nend\n", t.renderTemplate(file, vars, Y.AT));
        assertEquals("a|b", t.renderTemplate("a   {{- '|' -}}   b", vars, Y.AT));
        assertEquals("{{ raw }}", t.renderTemplate("{% raw %}{{ raw }}{% endraw %}", vars, Y.AT));
        assertEquals("{'a': {'b': 1}}", t.renderTemplate("{{ {'a': {'b': 1}} }}", vars, Y.AT));
    }

    @Test
    void unbalancedTemplatesAreClearErrors() {
        UserError e = assertThrows(UserError.class, () -> r("{{ name "));
        assertTrue(e.getMessage().contains("'{{' is not closed"), e.getMessage());
        e = assertThrows(UserError.class, () -> r("{% if on %}x"));
        assertTrue(e.getMessage().contains("{% if %} is not closed"), e.getMessage());
        e = assertThrows(UserError.class, () -> r("x{% endfor %}"));
        assertTrue(e.getMessage().contains("unexpected {% endfor %}"), e.getMessage());
    }

    @Test
    void aFailedEvaluationDoesNotStickToTheCompiledExpression() {
        MvelTemplar fresh = new MvelTemplar();
        assertThrows(UserError.class, () -> fresh.render(Y.s("{{ a.b + 1 }}"), Y.vars()));
        assertThrows(UserError.class, () -> fresh.render(Y.s("{{ a.b + 1 }}"), Y.vars("a", Map.of())));
        assertEquals("2", fresh.render(Y.s("{{ a.b + 1 }}"), Y.vars("a", Map.of("b", 1))));
        assertEquals("xy", fresh.render(Y.s("{{ a.b + 'y' }}"), Y.vars("a", Map.of("b", "x"))));
        assertEquals("3", fresh.render(Y.s("{{ a.b + 1 }}"), Y.vars("a", Map.of("b", 2))));
        assertEquals("2.5", fresh.render(Y.s("{{ a.b + 1 }}"), Y.vars("a", Map.of("b", 1.5))));
    }

    @Test
    void resultsAreFreshContainers() {
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) r("{{ [1, 2] }}");
        a.add(3);
        assertEquals(List.of(1, 2), r("{{ [1, 2] }}"));
        List<Object> given = new ArrayList<>(List.of(1));
        assertSame(given, t.render(Y.s("{{ x }}"), Y.vars("x", given)));
    }
}
