package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import org.junit.jupiter.api.Test;

/** What users read when a template is wrong: the name, the expression, where, and how to fix it. */
class ErrorMessageTest {
    private final MvelTemplar t = new MvelTemplar();
    private final Origin where = new Origin("roles/tb4/tasks/main.yml", 12, 14);

    private UserError fail(String template, Map<String, Object> vars) {
        return assertThrows(UserError.class, () -> t.render(Y.s(template, where), vars));
    }

    private static void noJavaInternals(UserError e) {
        String all = e.getMessage() + " " + e.hint();
        for (String leak : new String[] {"Exception", "org.mvel", "java.", "__c", "Error:", "[Near"}) {
            assertFalse(all.contains(leak), "leaks '" + leak + "': " + all);
        }
    }

    @Test
    void undefinedVariableNamesVariableExpressionAndOrigin() {
        UserError e = fail("{{ tb4_mtu - 28 }}", Y.vars("other", 1));
        assertEquals("'tb4_mtu' is undefined in {{ tb4_mtu - 28 }}", e.getMessage());
        assertEquals(where, e.origin());
        assertTrue(e.hint().contains("define 'tb4_mtu'") && e.hint().contains("default("), e.hint());
        assertEquals(ExitCode.ERROR, e.exitCode());
        noJavaInternals(e);
    }

    @Test
    void errorsLeaveNoLogOutput() {
        List<java.util.logging.LogRecord> records = new java.util.ArrayList<>();
        java.util.logging.Handler collect = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(collect);
        try {
            MvelTemplar fresh = new MvelTemplar();
            for (String tpl : new String[] {"{{ nope - 28 }}", "{{ m.zz }}", "{{ l[5] }}", "{{ nope.x.y }}", "{{ 'a' > 1 }}"}) {
                assertThrows(UserError.class, () -> fresh.render(Y.s(tpl), Y.vars("m", Map.of(), "l", List.of())));
            }
        } finally {
            root.removeHandler(collect);
        }
        assertEquals(List.of(), records.stream().map(java.util.logging.LogRecord::getLoggerName).toList());
    }

    @Test
    void undefinedVariableSuggestsACloseName() {
        UserError e = fail("{{ tb4_mut }}", Y.vars("tb4_mtu", 65520, "other", 1));
        assertTrue(e.hint().startsWith("did you mean 'tb4_mtu'? Otherwise define 'tb4_mut'"), e.hint());
    }

    @Test
    void undefinedInsideMixedTextAndConditions() {
        UserError e = fail("mtu {{ mtu }} on {{ iface }}", Y.vars("mtu", 9000));
        assertEquals("'iface' is undefined in {{ iface }}", e.getMessage());
        e = assertThrows(UserError.class, () -> t.test("ceph_ready and x > 1", Y.vars("x", 2), where));
        assertEquals("'ceph_ready' is undefined in ceph_ready and x > 1", e.getMessage());
        assertEquals(where, e.origin());
    }

    @Test
    void missingKeyNamesThePathAndTheKeysThatExist() {
        Map<String, Object> vars = Y.vars("pve_nodes", Map.of("n2", Map.of("ip", "10.0.0.2")));
        UserError e = fail("{{ pve_nodes.n5.ip }}", vars);
        assertEquals("'pve_nodes' has no key 'n5' (it has: n2) in {{ pve_nodes.n5.ip }}", e.getMessage());
        assertTrue(e.hint().contains("pve_nodes.n5 | default(...)"), e.hint());
        e = fail("{{ pve_nodes['n2'].mac }}", vars);
        assertEquals("'pve_nodes['n2']' has no key 'mac' (it has: ip) in {{ pve_nodes['n2'].mac }}", e.getMessage());
        e = fail("{{ nodes[3] }}", Y.vars("nodes", List.of("a")));
        assertEquals("'nodes' has no item [3] (it has 1 item) in {{ nodes[3] }}", e.getMessage());
        e = fail("{{ v.x }}", Y.vars("v", null));
        assertEquals("'v' is None, so it has no attribute 'x' in {{ v.x }}", e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void syntaxErrorsAreReadable() {
        UserError e = fail("{{ a + }}", Y.vars("a", 1));
        assertTrue(e.getMessage().startsWith("syntax error in {{ a + }}:"), e.getMessage());
        assertEquals(ExitCode.PARSE_ERROR, e.exitCode());
        assertEquals(where, e.origin());
        noJavaInternals(e);
        e = fail("{{ 'abc }}", Y.vars());
        assertTrue(e.getMessage().contains("unterminated string"), e.getMessage());
        e = fail("{{ 'bad \\uZZ' }}", Y.vars());
        assertTrue(e.getMessage().contains("bad \\u escape"), e.getMessage());
        e = fail("{{ a b }}", Y.vars("a", 1, "b", 2));
        assertTrue(e.getMessage().contains("unexpected 'b'"), e.getMessage());
    }

    @Test
    void unknownFilterSuggestsTheNearestName() {
        UserError e = fail("{{ x | defualt(1) }}", Y.vars("x", 1));
        assertEquals("unknown filter 'defualt' (did you mean 'default'?) in {{ x | defualt(1) }}", e.getMessage());
        e = fail("{{ x is defnied }}", Y.vars("x", 1));
        assertTrue(e.getMessage().contains("unknown test 'defnied' (did you mean 'defined'?)"), e.getMessage());
    }

    @Test
    void typeErrorsSayWhatToDo() {
        UserError e = fail("{{ out.stdout > 5 }}", Y.vars("out", Map.of("stdout", "7")));
        assertTrue(e.getMessage().contains("'>' is not supported between str and int")
            && e.getMessage().contains("| int"), e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void javaFailuresInsideFiltersAndMethodsStayReadable() {
        UserError e = fail("{{ '10.0.0.1' | ipmath('x') }}", Y.vars());
        assertEquals("filter 'ipmath': an argument has the wrong type in {{ '10.0.0.1' | ipmath('x') }}", e.getMessage());
        noJavaInternals(e);
        e = fail("{{ s.substring(9) }}", Y.vars("s", "abc"));
        assertEquals("calling substring() on str failed: begin 9, end 3, length 3 in {{ s.substring(9) }}", e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void badRegularExpressionsSayWhy() {
        UserError e = fail("{{ s is match('(unclosed') }}", Y.vars("s", "x"));
        assertTrue(e.getMessage().startsWith("test 'match': '(unclosed' is not a valid regular expression: Unclosed group"), e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void recursiveVariablesAreReportedWithTheChain() {
        Origin aAt = new Origin("group_vars/all.yml", 3, 4);
        Map<String, Object> vars = Y.vars("a", Y.s("{{ b }}", aAt), "b", Y.s("{{ a }}-x", aAt));
        UserError e = fail("{{ a }}", vars);
        assertEquals("recursive loop in variable 'a': a -> b -> a", e.getMessage());
        assertEquals(aAt, e.origin());
        UserError self = fail("{{ c }}", Y.vars("c", Y.s("{{ c + 1 }}")));
        assertEquals("recursive loop in variable 'c': c -> c", self.getMessage());
    }

    @Test
    void undefinedInsideAnotherVariableSaysWhere() {
        Origin vAt = new Origin("group_vars/all.yml", 9, 10);
        UserError e = fail("{{ osd_device }}", Y.vars("osd_device", Y.s("/dev/{{ disk }}", vAt)));
        assertEquals("'disk' is undefined (in the value of 'osd_device' at group_vars/all.yml:9:10) in {{ osd_device }}",
            e.getMessage());
        assertEquals(where, e.origin());
    }
}
