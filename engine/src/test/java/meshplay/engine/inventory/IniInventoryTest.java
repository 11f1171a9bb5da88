package meshplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.FileTreeTest;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YScalar;
import org.junit.jupiter.api.Test;

class IniInventoryTest extends FileTreeTest {
    private Inventory load(String ini) {
        return InventoryLoader.load(List.of(files.write("hosts", ini).toString()), null);
    }

    private UserError fails(String ini) {
        Path p = files.write("hosts", ini);
        return assertThrows(UserError.class, () -> InventoryLoader.load(List.of(p.toString()), null));
    }

    @Test
    void groupsChildrenVarsAndInlineHostVars() {
        Inventory inv = load("""
                # comment
                ; another comment
                lonely ansible_host=10.0.0.9

                [pve]
                n2 ansible_host=10.0.0.2 ceph_osd='/dev/nvme0n1 /dev/nvme1n1' weight=5 flag=True
                n3:2222

                [storage]
                n3
                n4

                [cluster:children]
                pve
                storage

                [cluster:vars]
                ansible_user=root
                motd = "hello world"
                """);
        assertEquals(List.of("lonely", "n2", "n3", "n4"), inv.hosts());
        assertEquals(List.of("n2", "n3", "n4"), inv.groups().get("cluster"));
        assertEquals(List.of("lonely"), inv.groups().get("ungrouped"));
        assertEquals(List.of("lonely", "n2", "n3", "n4"), inv.groups().get("all"));
        assertEquals(List.of("cluster", "pve", "storage"), inv.groupNames("n3"));
        assertEquals(List.of("ungrouped"), inv.groupNames("lonely"));

        Map<String, Object> n2 = inv.hostVars("n2");
        YScalar osd = (YScalar) n2.get("ceph_osd");
        assertEquals("/dev/nvme0n1 /dev/nvme1n1", osd.text());
        assertTrue(osd.quoted());
        assertEquals(new Origin(dir.resolve("hosts").toString(), 6, 35), osd.origin());
        assertEquals(5, ((YScalar) n2.get("weight")).value());
        assertEquals(true, ((YScalar) n2.get("flag")).value());
        assertEquals("root", ((YScalar) n2.get("ansible_user")).value());
        assertEquals("hello world", ((YScalar) n2.get("motd")).value());
        assertEquals(2222, ((YScalar) inv.hostVars("n3").get("ansible_port")).value());
        assertTrue(inv.hostVars("lonely").containsKey("ansible_host"));
    }

    @Test
    void rangesExpand() {
        Inventory inv = load("""
                [web]
                web[01:03]
                [db]
                db-[a:c]
                [nodes]
                n[2:4] role=node
                [odd]
                h[1:7:3]
                """);
        assertEquals(List.of("web01", "web02", "web03"), inv.groups().get("web"));
        assertEquals(List.of("db-a", "db-b", "db-c"), inv.groups().get("db"));
        assertEquals(List.of("n2", "n3", "n4"), inv.groups().get("nodes"));
        assertEquals("node", ((YScalar) inv.hostVars("n3").get("role")).value());
        assertEquals(List.of("h1", "h4", "h7"), inv.groups().get("odd"));
    }

    @Test
    void syntaxErrorsHavePositions() {
        UserError header = fails("[web\nh1\n");
        assertEquals(1, header.origin().line());
        assertTrue(header.getMessage().contains("must end with ']'"), header.getMessage());

        UserError section = fails("[web:var]\n");
        assertEquals(new Origin(dir.resolve("hosts").toString(), 1, 6), section.origin());
        assertTrue(section.getMessage().contains("unknown section type ':var'"));

        UserError hostVar = fails("[web]\nh1 ansible_host=1.2.3.4 oops\n");
        assertEquals(new Origin(dir.resolve("hosts").toString(), 2, 25), hostVar.origin());
        assertTrue(hostVar.getMessage().contains("expected key=value after the host name, got 'oops'"));

        UserError vars = fails("[web:vars]\nnovalue\n");
        assertEquals(2, vars.origin().line());
        assertTrue(vars.getMessage().contains("expected key=value in [web:vars]"));

        UserError quote = fails("h1 a='unclosed\n");
        assertEquals(new Origin(dir.resolve("hosts").toString(), 1, 4), quote.origin());
        assertTrue(quote.getMessage().contains("unclosed quote"));

        UserError range = fails("web[1-3]\n");
        assertTrue(range.getMessage().contains("invalid host range"));
        assertTrue(range.hint().contains("[start:end]"));

        UserError cycle = fails("[a:children]\nb\n[b:children]\na\n");
        assertEquals(4, cycle.origin().line());
        assertTrue(cycle.getMessage().contains("cycle"));

        UserError name = fails("h1 bad-name=1\n");
        assertTrue(name.getMessage().contains("invalid variable name 'bad-name'"));
    }

    @Test
    void missingSourceIsABadOption() {
        UserError e = assertThrows(UserError.class, () -> InventoryLoader.load(List.of(dir.resolve("nope").toString()), null));
        assertTrue(e.getMessage().contains("inventory not found"));
    }

    @Test
    void hostListString() {
        Inventory inv = InventoryLoader.load(List.of("h1,h2,"), null);
        assertEquals(List.of("h1", "h2"), inv.hosts());
        assertEquals(List.of("h1", "h2"), inv.groups().get("ungrouped"));
    }
}
