package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.vars.HostVars;
import meshplay.engine.vars.VarLayers;
import meshplay.engine.vars.VarLevel;
import org.junit.jupiter.api.Test;

/** Trusted (YNode) variables are rendered when read; data from hosts never is. */
class LazyVarsTest {
    private final MvelTemplar t = new MvelTemplar();

    @Test
    void nestedVariablesRenderWhenRead() {
        Map<String, Object> vars = Y.vars(
            "base", Y.s("10.100.0"),
            "n2_ip", Y.s("{{ base }}.2"),
            "mtu", Y.plain("65520", 65520),
            "ping_size", Y.s("{{ mtu - 28 }}"),
            "node", Y.map("ip", Y.s("{{ n2_ip }}/30"), "peers", Y.list(Y.s("{{ base }}.1"))));
        assertEquals("10.100.0.2", t.render(Y.s("{{ n2_ip }}"), vars));
        assertEquals("65492", t.render(Y.s("{{ ping_size }}"), vars));
        assertEquals(65520, t.render(Y.s("{{ mtu }}"), vars));
        assertEquals("10.100.0.2/30", t.render(Y.s("{{ node.ip }}"), vars));
        assertEquals(List.of("10.100.0.1"), t.render(Y.s("{{ node.peers }}"), vars));
    }

    @Test
    void varsGivesVariablesByComputedName() {
        Map<String, Object> vars = Y.vars("iface", "en05", "tb4_en05", Y.s("{{ base }}.2"), "base", "10.100.0");
        assertEquals("10.100.0.2", t.render(Y.s("{{ vars['tb4_' ~ iface] }}"), vars));
        assertEquals(false, t.evaluate("vars['tb4_en06'] is defined", vars, Y.AT));
        assertEquals("mine", t.render(Y.s("{{ vars }}"), Y.vars("vars", "mine")));
    }

    @Test
    void unusedBrokenVariablesDoNotMatter() {
        Map<String, Object> vars = Y.vars("good", Y.s("ok"), "broken", Y.s("{{ missing }}"));
        assertEquals("ok", t.render(Y.s("{{ good }}"), vars));
    }

    @Test
    void defaultAppliesWhenAVariablesValueIsUndefined() {
        Map<String, Object> vars = Y.vars("dev", Y.s("/dev/{{ disk }}"));
        assertEquals("/dev/sda", t.render(Y.s("{{ dev | default('/dev/sda') }}"), vars));
        assertEquals(false, t.evaluate("dev is defined", vars, Y.AT));
    }

    @Test
    void registeredDataIsNeverRendered() {
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("stdout", "{{ 7 * 7 }}");
        registered.put("rc", 0);
        Map<String, Object> vars = Y.vars("out", registered, "fact", "{{ lookup('env', 'HOME') }}",
            "copy_of_out", Y.s("{{ out.stdout }}"), "message", Y.s("got {{ out.stdout }}"));
        assertEquals("{{ 7 * 7 }}", t.render(Y.s("{{ out.stdout }}"), vars));
        assertEquals("{{ 7 * 7 }}", t.render(Y.s("{{ copy_of_out }}"), vars));
        assertEquals("got {{ 7 * 7 }}", t.render(Y.s("{{ message }}"), vars));
        assertEquals("{{ lookup('env', 'HOME') }}", t.render(Y.s("{{ fact }}"), vars));
        assertEquals("{{ 7 * 7 }}!", t.render(Y.s("{{ out.stdout ~ '!' }}"), vars));
        assertEquals(registered, t.render(Y.s("{{ out }}"), vars));
    }

    @Test
    void setFactResultsAreDataToo() {
        VarLayers layers = new VarLayers();
        layers.set(VarLevel.PLAY_VARS, Y.vars("a", Y.s("{{ '{{' }} 7 * 7 }}")));
        Object rendered = t.render(Y.s("{{ a }}"), layers.view());
        assertEquals("{{ 7 * 7 }}", rendered);
        layers.put(VarLevel.SET_FACTS, "b", rendered);
        assertEquals("{{ 7 * 7 }}", t.render(Y.s("{{ b }}"), layers.view()));
    }

    @Test
    void hostvarsRenderEachHostsTemplatesWithItsOwnVariables() {
        Map<String, Map<String, Object>> perHost = new LinkedHashMap<>();
        perHost.put("n2", Y.vars("inventory_hostname", "n2", "idx", Y.plain("2", 2), "ip", Y.s("10.0.0.{{ idx }}")));
        perHost.put("n3", Y.vars("inventory_hostname", "n3", "idx", Y.plain("3", 3), "ip", Y.s("10.0.0.{{ idx }}")));
        HostVars hostvars = new HostVars(perHost::keySet, h -> {
            VarLayers l = new VarLayers();
            l.set(VarLevel.INVENTORY_HOST, perHost.get(h));
            return l.view();
        });
        Map<String, Object> vars = new LinkedHashMap<>(perHost.get("n2"));
        vars.put("hostvars", hostvars);
        assertEquals("10.0.0.3", t.render(Y.s("{{ hostvars['n3']['ip'] }}"), vars));
        assertEquals("10.0.0.2,10.0.0.3", t.render(Y.s("{{ hostvars | dict2items | map(attribute='value.ip') | join(',') }}"), vars));
        assertEquals("10.0.0.2", t.render(Y.s("{{ ip }}"), vars));
        assertEquals(Map.of("inventory_hostname", "n3", "idx", 3, "ip", "10.0.0.3"), t.render(Y.s("{{ hostvars.n3 }}"), vars));
    }

    @Test
    void selfContainingValuesPrintWithoutOverflow() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        String text = (String) t.render(Y.s("x={{ v }}"), Y.vars("v", loop));
        assertEquals(true, text.startsWith("x={'self': {'self': ") && text.contains("..."));
        UserError e = assertThrows(UserError.class, () -> t.render(Y.s("{{ v | to_json }}"), Y.vars("v", loop)));
        assertEquals(true, e.getMessage().contains("nested too deeply"), e.getMessage());
    }

    @Test
    void theEvaluationContextIsNotReachableFromExpressions() {
        UserError e = assertThrows(UserError.class, () -> t.render(Y.s("{{ __c.guard('1') }}"), Y.vars()));
        assertEquals("'__c' is undefined in {{ __c.guard('1') }}", e.getMessage());
        assertEquals(5, t.render(Y.s("{{ __c }}"), Y.vars("__c", 5)));
    }

    @Test
    void javaClassNamesAreNotVariables() {
        UserError e = assertThrows(UserError.class, () -> t.render(Y.s("{{ Math }}"), Y.vars()));
        assertEquals("'Math' is undefined in {{ Math }}", e.getMessage());
        e = assertThrows(UserError.class, () -> t.render(Y.s("{{ String.valueOf(1) }}"), Y.vars()));
        assertEquals("'String' is undefined in {{ String.valueOf(1) }}", e.getMessage());
    }

    @Test
    void recursionThroughMapsIsCaught() {
        Map<String, Object> vars = Y.vars("cfg", Y.map("x", Y.s("{{ cfg.y }}"), "y", Y.s("1")));
        UserError e = assertThrows(UserError.class, () -> t.render(Y.s("{{ cfg.x }}"), vars));
        assertEquals("recursive loop in variable 'cfg': cfg -> cfg", e.getMessage());
    }
}
