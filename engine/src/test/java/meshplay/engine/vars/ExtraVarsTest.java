package meshplay.engine.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.template.MvelTemplar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTest {
    @TempDir
    Path dir;

    private static Object value(Map<String, YNode> m, String key) {
        return m.get(key).toJava();
    }

    @Test
    void keyValuePairsAreStrings() {
        Map<String, YNode> m = ExtraVars.parse("mtu=65520 name='pve n2' msg=\"say \\\"hi\\\"\" empty=", null);
        assertEquals("65520", value(m, "mtu"));
        assertEquals("pve n2", value(m, "name"));
        assertEquals("say \"hi\"", value(m, "msg"));
        assertEquals("", value(m, "empty"));
        assertEquals(Origin.of("<extra-vars>"), m.get("mtu").origin());
    }

    @Test
    void jsonAndYamlMappingsKeepTypes() {
        Map<String, YNode> json = ExtraVars.parse("{\"mtu\": 9000, \"nodes\": [\"n2\", \"n3\"], \"on\": true}", null);
        assertEquals(9000, value(json, "mtu"));
        assertEquals(List.of("n2", "n3"), value(json, "nodes"));
        assertEquals(true, value(json, "on"));
        Map<String, YNode> yaml = ExtraVars.parse("{mtu: 9000, flag: yes, mode: '0644', raw: NO}", null);
        assertEquals(true, value(yaml, "flag"));
        assertEquals("0644", value(yaml, "mode"));
        assertEquals(false, value(yaml, "raw"));
        assertEquals("NO", ((YScalar) yaml.get("raw")).text());
    }

    @Test
    void filesByPathWithOrigins() throws Exception {
        Files.writeString(dir.resolve("vars.yml"), "---\nceph_net: 10.100.0.0/24\nmon:\n  ip: \"{{ ceph_net | ipaddr('network') }}\"\n");
        Files.writeString(dir.resolve("vars.json"), "{\"a\": [1, 2]}");
        Map<String, YNode> yml = ExtraVars.parse("@vars.yml", dir);
        assertEquals("10.100.0.0/24", value(yml, "ceph_net"));
        YNode mon = yml.get("mon");
        assertTrue(mon instanceof YMap);
        assertEquals(new Origin(dir.resolve("vars.yml").toString(), 4, 7), ((YMap) mon).get("ip").origin());
        assertEquals(Map.of("ip", "10.100.0.0"), new MvelTemplar().render(mon, Map.<String, Object>copyOf(yml)));
        assertEquals(List.of(1, 2), value(ExtraVars.parse("@" + dir.resolve("vars.json"), null), "a"));
    }

    @Test
    void laterOptionsWin() {
        Map<String, YNode> m = ExtraVars.parseAll(List.of("a=1 b=1", "{\"b\": 2}", "c=3"), null);
        assertEquals("1", value(m, "a"));
        assertEquals(2, value(m, "b"));
        assertEquals("3", value(m, "c"));
    }

    @Test
    void mistakesAreBadOptionsAndUnreadableYamlIsAParseError() {
        UserError e = assertThrows(UserError.class, () -> ExtraVars.parse("justaword", null));
        assertEquals(ExitCode.BAD_OPTIONS, e.exitCode());
        assertTrue(e.getMessage().contains("'justaword' is not name=value"), e.getMessage());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("@missing.yml", dir));
        assertTrue(e.getMessage().startsWith("cannot read extra vars file"), e.getMessage());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("{a: [1, 2}", null));
        assertEquals(ExitCode.PARSE_ERROR, e.exitCode()); // as ansible-playbook: YAML it cannot read exits 4
        assertEquals("<extra-vars>", e.origin().file());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("[1, 2]", null));
        assertTrue(e.getMessage().contains("must be a mapping"), e.getMessage());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("1bad=x", null));
        assertTrue(e.getMessage().contains("not a valid variable name"), e.getMessage());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("{a: 1, a: 2}", null));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertEquals(ExitCode.PARSE_ERROR, e.exitCode());
        e = assertThrows(UserError.class, () -> ExtraVars.parse("{\"bad-name\": 1}", null));
        assertTrue(e.getMessage().contains("'bad-name' is not a valid variable name"), e.getMessage());
    }
}
