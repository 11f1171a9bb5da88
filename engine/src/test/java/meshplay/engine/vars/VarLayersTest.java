package meshplay.engine.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.template.MvelTemplar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YScalar;
import org.junit.jupiter.api.Test;

class VarLayersTest {
    private static YScalar s(String text) {
        return new YScalar(text, text, true, new Origin("play.yml", 1, 1));
    }

    /** Every level defines "v" as its own name: the view shows the highest. */
    @Test
    void eachLevelBeatsTheOnesBelowIt() {
        VarLayers layers = new VarLayers();
        for (VarLevel level : VarLevel.values()) {
            layers.set(level, Map.of("v", level.name()));
            assertEquals(level.name(), layers.view().get("v"));
            assertEquals(level, layers.levelOf("v"));
        }
    }

    @Test
    void ansiblesOrderForTheCommonCases() {
        VarLayers host = new VarLayers()
            .set(VarLevel.ROLE_DEFAULTS, Map.of("mtu", 1500, "only_default", "d"))
            .set(VarLevel.INVENTORY_HOST, Map.of("mtu", 9000))
            .set(VarLevel.PLAY_VARS, Map.of("mtu", 65520, "speed", "40G", "iface", "en05"))
            .set(VarLevel.EXTRA_VARS, Map.of("iface", "en06"));
        Map<String, Object> v = host.view();
        assertEquals("d", v.get("only_default"));
        assertEquals(65520, v.get("mtu"));
        assertEquals("en06", v.get("iface"));

        Map<String, Object> task = host.with(VarLevel.TASK_VARS, Map.of("mtu", 1234, "iface", "task")).view();
        assertEquals(1234, task.get("mtu"));
        assertEquals("en06", task.get("iface"));
        assertEquals(65520, host.view().get("mtu"));

        host.put(VarLevel.SET_FACTS, "speed", "10G");
        assertEquals("10G", host.view().get("speed"));
        assertEquals(VarLevel.SET_FACTS, host.levelOf("speed"));
        assertNull(host.levelOf("nope"));
    }

    @Test
    void putDoesNotChangeTheMapItWasGivenNorOtherCopies() {
        Map<String, Object> given = new HashMap<>(Map.of("a", 1));
        VarLayers l = new VarLayers().set(VarLevel.SET_FACTS, given);
        VarLayers copy = l.copy();
        l.put(VarLevel.SET_FACTS, "b", 2);
        assertEquals(Map.of("a", 1), given);
        assertFalse(copy.has("b"));
        assertTrue(l.has("b"));
        l.put(VarLevel.SET_FACTS, "c", 3);
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), l.level(VarLevel.SET_FACTS));
        copy.put(VarLevel.SET_FACTS, "z", 0);
        assertFalse(l.has("z"));
        LayeredVars before = l.view();
        l.put(VarLevel.SET_FACTS, "late", 1);
        assertFalse(before.containsKey("late"));
        assertTrue(l.view().containsKey("late"));
    }

    @Test
    void readersSeeConsistentLevelsWhileAHostSetsFacts() throws Exception {
        VarLayers host = new VarLayers();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 2000; i++) host.put(VarLevel.SET_FACTS, "f" + i, i);
        });
        writer.start();
        int lastSize = 0;
        while (writer.isAlive() || lastSize < 2000) {
            Map<String, Object> facts = host.view();
            int size = facts.size();
            assertTrue(size >= lastSize, "a level never shrinks");
            for (int i = 0; i < size; i++) assertEquals(i, facts.get("f" + i));
            lastSize = size;
        }
        writer.join();
        assertEquals(2000, host.level(VarLevel.SET_FACTS).size());
    }

    @Test
    void viewIsReadOnlyAndDoesNotCopy() {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) big.put("k" + i, i);
        VarLayers l = new VarLayers().set(VarLevel.INVENTORY_HOST, big).set(VarLevel.PLAY_VARS, Map.of("k5", "play"));
        LayeredVars v = l.view();
        assertEquals("play", v.get("k5"));
        big.put("late", true);
        assertEquals(true, v.get("late"));
        assertEquals(1001, v.size());
        assertThrows(UnsupportedOperationException.class, () -> v.put("x", 1));
        assertTrue(v.containsKey("k999"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("n", null);
        LayeredVars withNull = new VarLayers().set(VarLevel.ROLE_DEFAULTS, Map.of("n", 1)).set(VarLevel.PLAY_VARS, nulls).view();
        assertTrue(withNull.containsKey("n"));
        assertNull(withNull.get("n"));
    }

    @Test
    void factsAreVisibleAsAnsibleNames() {
        Map<String, Object> facts = Map.of("hostname", "n2", "default_ipv4", Map.of("address", "10.0.0.2"), "ansible_local", Map.of());
        VarLayers l = new VarLayers().set(VarLevel.FACTS, new FactVars(facts));
        Map<String, Object> v = l.view();
        assertSame(facts, v.get("ansible_facts"));
        assertEquals("n2", v.get("ansible_hostname"));
        assertEquals(Map.of(), v.get("ansible_local"));
        assertFalse(v.containsKey("hostname"));
        assertEquals("10.0.0.2", new MvelTemplar().evaluate("ansible_default_ipv4.address", v, Origin.UNKNOWN));
        assertEquals("10.0.0.2", new MvelTemplar().evaluate("ansible_facts['default_ipv4']['address']", v, Origin.UNKNOWN));
        assertEquals(4, new FactVars(facts).size());
    }

    @Test
    void hostvarsComputeOnlyTheHostRead() {
        Map<String, Integer> computed = new HashMap<>();
        List<String> hosts = List.of("n2", "n3", "n4");
        HostVars hv = new HostVars(() -> hosts, h -> {
            computed.merge(h, 1, Integer::sum);
            return Map.of("inventory_hostname", h, "ip", s("10.0.0.{{ inventory_hostname[1:] }}"));
        });
        Map<String, Object> vars = Map.of("hostvars", hv, "groups", Map.of("all", hosts));
        MvelTemplar t = new MvelTemplar();
        assertEquals("10.0.0.3", t.evaluate("hostvars['n3'].ip", vars, Origin.UNKNOWN));
        assertEquals(Map.of("n3", 1), computed);
        assertEquals(List.of("10.0.0.2", "10.0.0.3", "10.0.0.4"),
            t.evaluate("groups['all'] | map('extract', hostvars, 'ip') | list", vars, Origin.UNKNOWN));
        assertEquals(List.of("n2", "n3", "n4"), List.copyOf(hv.keySet()));
        assertFalse(hv.containsKey("n9"));
        assertNull(hv.get("n9"));
        assertEquals(false, t.evaluate("'n9' in hostvars", vars, Origin.UNKNOWN));
    }

    @Test
    void extraVarsWinOverEverythingAPlaybookDefines() {
        VarLayers l = new VarLayers();
        for (VarLevel level : VarLevel.values()) {
            if (level.ordinal() < VarLevel.EXTRA_VARS.ordinal()) l.set(level, Map.of("x", level.name()));
        }
        l.set(VarLevel.EXTRA_VARS, ExtraVars.parse("x=cli", null));
        assertEquals("cli", new MvelTemplar().render(new YScalar("{{ x }}", "{{ x }}", true, Origin.UNKNOWN), l.view()));
    }
}
