package meshplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.FileTreeTest;
import meshplay.engine.yaml.YNode;
import org.junit.jupiter.api.Test;

/** group_vars/ and host_vars/ in their file and directory forms, beside the inventory and the playbook, and precedence. */
class InventoryVarsTest extends FileTreeTest {
    private static Object value(Inventory inv, String host, String var) {
        Object v = inv.hostVars(host).get(var);
        return v instanceof YNode n ? n.toJava() : v;
    }

    private Inventory load() {
        return InventoryLoader.load(List.of(dir.resolve("inventory/hosts.ini").toString()), dir.resolve("playbooks"));
    }

    @Test
    void precedenceFromAllToHost() {
        files.write("inventory/hosts.ini", """
                [pve]
                n2 h=inline_host
                n3
                [mons]
                n2
                [cluster:children]
                pve
                [all:vars]
                a=file_all
                b=file_all
                [cluster:vars]
                b=file_cluster
                c=file_cluster
                [pve:vars]
                c=file_pve
                d=file_pve
                [mons:vars]
                d=file_mons
                """);
        files.write("inventory/group_vars/all.yml", "e: inv_all\nf: inv_all\n");
        files.write("playbooks/group_vars/all.yml", "f: pb_all\ng: pb_all\n");
        files.write("inventory/group_vars/pve.yml", "g: inv_pve\nh: inv_pve\ni: inv_pve\n");
        files.write("playbooks/group_vars/pve/10-first.yml", "i: pb_pve_dir1\nj: pb_pve_dir1\n");
        files.write("playbooks/group_vars/pve/20-second.yaml", "j: pb_pve_dir2\n");
        files.write("playbooks/group_vars/pve/notes.txt", "ignored: true\n");
        files.write("inventory/host_vars/n2", "k: inv_host\nl: inv_host\n");
        files.write("playbooks/host_vars/n2.json", "{\"l\": \"pb_host\"}");
        Inventory inv = load();

        assertEquals("file_all", value(inv, "n2", "a"));
        assertEquals("file_cluster", value(inv, "n2", "b"), "a parent group overrides all");
        assertEquals("file_pve", value(inv, "n2", "c"), "a child group overrides its parent");
        assertEquals("file_pve", value(inv, "n2", "d"), "a deeper group (pve, under cluster) wins over a shallower one (mons)");
        assertEquals("inv_all", value(inv, "n2", "e"));
        assertEquals("pb_all", value(inv, "n2", "f"), "playbook group_vars/all over inventory's");
        assertEquals("inv_pve", value(inv, "n2", "g"), "group_vars/GROUP over group_vars/all");
        assertEquals("inline_host", value(inv, "n2", "h"), "host vars over group vars");
        assertEquals("pb_pve_dir1", value(inv, "n2", "i"), "playbook group_vars over inventory's");
        assertEquals("pb_pve_dir2", value(inv, "n2", "j"), "files of a directory merge in name order");
        assertFalse(inv.hostVars("n2").containsKey("ignored"));
        assertEquals("inv_host", value(inv, "n2", "k"));
        assertEquals("pb_host", value(inv, "n2", "l"), "playbook host_vars over inventory's");
        assertEquals("inv_pve", value(inv, "n3", "h"));
        assertFalse(inv.hostVars("n3").containsKey("k"));
    }

    @Test
    void sameDepthGroupsApplyInNameOrder() {
        files.write("inventory/hosts.ini", "[zeta]\nn1\n[alpha]\nn1\n[alpha:vars]\nx=alpha\n[zeta:vars]\nx=zeta\n");
        assertEquals("zeta", value(load(), "n1", "x"));
    }

    @Test
    void brokenGroupVarsFileFailsAtLoadWithItsPosition() {
        files.write("inventory/hosts.ini", "[pve]\nn2\n");
        Path bad = files.write("inventory/group_vars/pve.yml", "a: 1\na: 2\n");
        UserError e = assertThrows(UserError.class, this::load);
        assertEquals(bad.toAbsolutePath().normalize().toString(), e.origin().file());
        assertEquals(2, e.origin().line());
    }

    @Test
    void implicitLocalhostGetsAllVarsAndConnectsLocally() {
        files.write("inventory/hosts.ini", "[all:vars]\nzone=lab\n[pve]\nn2\n");
        files.write("inventory/host_vars/localhost.yml", "mine: 1\n");
        Inventory inv = load();
        assertEquals(List.of("localhost"), inv.match("localhost"));
        assertFalse(inv.hosts().contains("localhost"));
        assertEquals("local", value(inv, "localhost", "ansible_connection"));
        assertEquals("lab", value(inv, "localhost", "zone"));
        assertEquals(1, value(inv, "localhost", "mine"));
        assertEquals(List.of(), inv.groupNames("localhost"));
        assertEquals(List.of("n2"), inv.match("all"));
    }

    @Test
    void addHostAtRunTime() {
        files.write("inventory/hosts.ini", "[pve]\nn2\n");
        files.write("inventory/group_vars/new.yml", "from_group_vars: yes\n");
        Inventory inv = load();
        inv.addHost("n9", List.of("new", "pve"), Map.of("ansible_host", "10.0.0.9"));
        assertEquals(List.of("n2", "n9"), inv.hosts());
        assertEquals(List.of("new", "pve"), inv.groupNames("n9"));
        assertEquals("10.0.0.9", value(inv, "n9", "ansible_host"));
        assertEquals(true, value(inv, "n9", "from_group_vars"));
        assertEquals(List.of("n9"), inv.match("new"));
        assertTrue(inv.groups().get("pve").contains("n9"));
    }
}
