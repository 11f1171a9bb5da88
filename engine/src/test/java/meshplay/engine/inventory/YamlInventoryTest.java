package meshplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.FileTreeTest;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;
import org.junit.jupiter.api.Test;

class YamlInventoryTest extends FileTreeTest {
    private static Object value(Inventory inv, String host, String var) {
        return ((YNode) inv.hostVars(host).get(var)).toJava();
    }

    @Test
    void nestedGroupsHostsAndVars() {
        Path f = files.write("lab.yml", """
                all:
                  vars:
                    ansible_user: root
                  hosts:
                    controller:
                  children:
                    pve:
                      vars: {ceph: true}
                      hosts:
                        n[2:4]:
                          ansible_port: 22
                      children:
                        mons:
                          hosts:
                            n2: {mon: yes}
                    backup:
                      hosts:
                        pbs:
                """);
        Inventory inv = InventoryLoader.load(List.of(f.toString()), null);
        assertEquals(List.of("controller", "n2", "n3", "n4", "pbs"), inv.hosts());
        assertEquals(List.of("n2", "n3", "n4"), inv.groups().get("pve"));
        assertEquals(List.of("n2"), inv.groups().get("mons"));
        assertEquals(List.of("controller"), inv.groups().get("ungrouped"));
        assertEquals(List.of("mons", "pve"), inv.groupNames("n2"));
        assertEquals("root", value(inv, "n2", "ansible_user"));
        assertEquals(true, value(inv, "n3", "ceph"));
        assertEquals(true, value(inv, "n2", "mon"));
        assertEquals(22, value(inv, "n4", "ansible_port"));
        assertEquals(new Origin(f.toString(), 15, 23), ((YNode) inv.hostVars("n2").get("mon")).origin());
    }

    @Test
    void mistakesAreExplained() {
        Path listHosts = files.write("a.yml", "all:\n  hosts:\n    - n1\n");
        UserError e = assertThrows(UserError.class, () -> InventoryLoader.load(List.of(listHosts.toString()), null));
        assertEquals(new Origin(listHosts.toString(), 3, 5), e.origin());
        assertTrue(e.getMessage().contains("must be a mapping, not a list"));

        Path typo = files.write("b.yml", "all:\n  childern: {}\n");
        UserError t = assertThrows(UserError.class, () -> InventoryLoader.load(List.of(typo.toString()), null));
        assertEquals(new Origin(typo.toString(), 2, 3), t.origin());
        assertTrue(t.hint().contains("did you mean 'children'?"), t.hint());

        Path bad = files.write("c.yml", "all:\n  hosts:\n    n1: {a: 1\n");
        UserError syntax = assertThrows(UserError.class, () -> InventoryLoader.load(List.of(bad.toString()), null));
        assertTrue(syntax.getMessage().startsWith("YAML syntax error"));
        assertEquals(bad.toString(), syntax.origin().file());
    }

    @Test
    void directoryOfInventoriesAndSeveralSources() {
        files.write("inv/10-nodes.ini", "[pve]\nn2\nn3\n");
        files.write("inv/20-extra.yml", "all:\n  children:\n    pve:\n      hosts:\n        n4:\n");
        files.write("inv/README.md", "not an inventory [x\n");
        files.write("inv/group_vars/pve.yml", "from_dir: 1\n");
        files.write("more.ini", "[other]\nx1\n");
        Inventory inv = InventoryLoader.load(List.of(dir.resolve("inv").toString(), dir.resolve("more.ini").toString()), null);
        assertEquals(List.of("n2", "n3", "n4", "x1"), inv.hosts());
        assertEquals(List.of("n2", "n3", "n4"), inv.groups().get("pve"));
        assertEquals(1, value(inv, "n4", "from_dir"));
    }

    @Test
    void hostPortInTheName() {
        Path f = files.write("p.yml", "all:\n  hosts:\n    n1:2222:\n    n2:\n");
        Inventory inv = InventoryLoader.load(List.of(f.toString()), null);
        assertEquals(List.of("n1", "n2"), inv.hosts());
        assertEquals(2222, value(inv, "n1", "ansible_port"));
        Path bad = files.write("q.ini", "n1:ssh\n");
        UserError e = assertThrows(UserError.class, () -> InventoryLoader.load(List.of(bad.toString()), null));
        assertEquals(new Origin(bad.toString(), 1, 4), e.origin());
        assertTrue(e.getMessage().contains("invalid port 'ssh'"));
    }
}
