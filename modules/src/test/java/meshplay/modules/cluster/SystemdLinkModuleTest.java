package meshplay.modules.cluster;

import static meshplay.modules.cluster.LinkFileTest.map;
import static meshplay.modules.cluster.Runs.check;
import static meshplay.modules.cluster.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SystemdLinkModuleTest extends TempRootTest {
    FakeTools tools;
    final SystemdLinkModule link = new SystemdLinkModule();

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(root);
    }

    private Object[] guideArgs(String file, String pci, String iface) {
        return new Object[]{"name", file, "priority", "00",
                "match", map("Path", pci, "Driver", "thunderbolt-net"),
                "link", map("MACAddressPolicy", "none", "Name", iface)};
    }

    @Test
    void writesTheGuideLinkFilesThenReportsNoChange() throws Exception {
        Outcome en05 = run(link, conn, guideArgs("thunderbolt0", "pci-0000:00:0d.2", "en05"));
        Outcome en06 = run(link, conn, guideArgs("thunderbolt1", "pci-0000:00:0d.3", "en06"));
        assertTrue(en05.changed() && en06.changed());
        assertEquals("[Match]\nPath=pci-0000:00:0d.2\nDriver=thunderbolt-net\n\n[Link]\nMACAddressPolicy=none\nName=en05\n",
                root.read("/etc/systemd/network/00-thunderbolt0.link"));
        assertEquals("[Match]\nPath=pci-0000:00:0d.3\nDriver=thunderbolt-net\n\n[Link]\nMACAddressPolicy=none\nName=en06\n",
                root.read("/etc/systemd/network/00-thunderbolt1.link"));
        assertEquals(true, en05.result().data().get("initramfs_update_required"));
        assertEquals(true, en05.result().data().get("reboot_required"));
        assertTrue(en05.plan().changes().get(0).summary().contains("update-initramfs"), en05.plan().changes().get(0).summary());

        Outcome again = run(link, conn, guideArgs("thunderbolt0", "pci-0000:00:0d.2", "en05"));
        assertFalse(again.changed());
        assertEquals(false, again.result().data().get("reboot_required"));
        assertEquals(List.of(), tools.calls(), "the module never runs a tool: the initramfs update and reboot are the playbook's");
    }

    @Test
    void handEditedEquivalentFileIsLeftAloneButAChangeRewritesCanonically() throws Exception {
        String edited = "# mine\n[Match]\nDriver = thunderbolt-net\nPath=pci-0000:00:0d.2\n[Link]\nName=en05\nMACAddressPolicy=none\n";
        root.file("/etc/systemd/network/00-thunderbolt0.link", edited);
        assertFalse(run(link, conn, guideArgs("thunderbolt0", "pci-0000:00:0d.2", "en05")).changed());
        assertEquals(edited, root.read("/etc/systemd/network/00-thunderbolt0.link"));
        Outcome renamed = run(link, conn, guideArgs("thunderbolt0", "pci-0000:00:0d.2", "en07"));
        assertTrue(renamed.changed());
        assertEquals("[Match]\nPath=pci-0000:00:0d.2\nDriver=thunderbolt-net\n\n[Link]\nMACAddressPolicy=none\nName=en07\n",
                root.read("/etc/systemd/network/00-thunderbolt0.link"));
    }

    @Test
    void checkRunPredictsTheDiffAndWritesNothing() throws Exception {
        Outcome predicted = check(link, conn, guideArgs("thunderbolt0", "pci-0000:00:0d.2", "en05"));
        assertTrue(predicted.changed());
        assertFalse(root.exists("/etc/systemd/network/00-thunderbolt0.link"));
        assertEquals(null, predicted.plan().diffs().get(0).before());
        assertTrue(predicted.plan().diffs().get(0).after().contains("Name=en05"));
        assertEquals(true, predicted.plan().data().get("reboot_required"));
    }

    @Test
    void absentRemovesTheFile() throws Exception {
        run(link, conn, "path", "/etc/systemd/network/00-thunderbolt0.link",
                "match", map("Path", "pci-0000:00:0d.2"), "link", map("Name", "en05"));
        Outcome gone = run(link, conn, "path", "/etc/systemd/network/00-thunderbolt0.link", "state", "absent");
        assertTrue(gone.changed());
        assertFalse(root.exists("/etc/systemd/network/00-thunderbolt0.link"));
        assertFalse(run(link, conn, "path", "/etc/systemd/network/00-thunderbolt0.link", "state", "absent").changed());
    }

    @Test
    void badArgumentsAreNamed() {
        UserError key = assertThrows(UserError.class, () -> run(link, conn, "name", "tb", "match", map("Path", "x"), "link", map("Nmae", "en05")));
        assertTrue(key.getMessage().contains("argument 'link' of module 'systemd-link'"), key.getMessage());
        assertTrue(key.getMessage().contains("did you mean 'Name'"), key.getMessage());
        UserError empty = assertThrows(UserError.class, () -> run(link, conn, "name", "tb", "link", map("Name", "en05")));
        assertTrue(empty.getMessage().contains("every network device"), empty.getMessage());
        UserError suffix = assertThrows(UserError.class, () -> run(link, conn, "path", "/etc/systemd/network/tb.conf",
                "match", map("Path", "x"), "link", map("Name", "en05")));
        assertTrue(suffix.getMessage().contains("argument 'path'"), suffix.getMessage());
        UserError prio = assertThrows(UserError.class, () -> run(link, conn, "name", "tb", "priority", "high",
                "match", map("Path", "x"), "link", map("Name", "en05")));
        assertTrue(prio.getMessage().contains("argument 'priority'"), prio.getMessage());
        UserError both = assertThrows(UserError.class, () -> run(link, conn, "name", "tb", "path", "/x.link"));
        assertTrue(both.getMessage().contains("cannot be used together"), both.getMessage());
        UserError nested = assertThrows(UserError.class, () -> run(link, conn, "name", "tb", "match", map("Path", Map.of("a", 1)), "link", map("Name", "x")));
        assertTrue(nested.getMessage().contains("not a mapping"), nested.getMessage());
    }
}
