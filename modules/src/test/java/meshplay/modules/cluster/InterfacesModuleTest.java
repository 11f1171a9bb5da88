package meshplay.modules.cluster;

import static meshplay.modules.cluster.InterfacesFileTest.GUIDE_1B;
import static meshplay.modules.cluster.LinkFileTest.map;
import static meshplay.modules.cluster.Runs.check;
import static meshplay.modules.cluster.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterfacesModuleTest extends TempRootTest {
    static final String START = GUIDE_1B.replaceAll("auto en0[56]\niface en0[56] inet static\n    address [0-9./]+\n    mtu 65520\n\n", "");
    static final String FILE = "/etc/network/interfaces";
    FakeTools tools;
    final InterfacesModule interfaces = new InterfacesModule();

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(root);
        root.file(FILE, START);
    }

    static Object[] stanza(String iface, String cidr, Object... extra) {
        Object[] base = {"iface", iface, "method", "static", "auto", true, "options", map("address", cidr, "mtu", 65520)};
        Object[] all = new Object[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void writesTheGuideStanzasAndReloadsOnlyWhenChanged() throws Exception {
        assertTrue(run(interfaces, conn, stanza("en05", "10.100.0.2/30", "reload", true)).changed());
        assertTrue(run(interfaces, conn, stanza("en06", "10.100.0.5/30", "reload", true)).changed());
        assertEquals(GUIDE_1B, root.read(FILE));
        assertEquals(List.of("ifreload -a", "ifreload -a"), tools.calls());
        tools.clear();
        assertFalse(run(interfaces, conn, stanza("en05", "10.100.0.2/30", "reload", true)).changed());
        assertFalse(run(interfaces, conn, stanza("en06", "10.100.0.5/30", "reload", true)).changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void checkRunShowsTheDiffAndTouchesNothing() throws Exception {
        Outcome predicted = check(interfaces, conn, stanza("en05", "10.100.0.2/30", "reload", true));
        assertTrue(predicted.changed());
        Diff diff = predicted.plan().diffs().get(0);
        assertEquals(START, diff.before());
        assertTrue(diff.after().contains("auto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n\nsource"), diff.after());
        assertEquals("ifreload -a", predicted.plan().changes().get(1).summary());
        assertEquals(START, root.read(FILE));
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void pendingInterfacesNewBlocksWritingUnlessForced() throws Exception {
        root.file(FILE + ".new", "auto lo\n");
        ModuleFailure refused = assertThrows(ModuleFailure.class, () -> run(interfaces, conn, stanza("en05", "10.100.0.2/30", "reload", true)));
        assertTrue(refused.getMessage().contains("interfaces.new exists"), refused.getMessage());
        assertTrue(refused.getMessage().contains("force: true"), refused.getMessage());
        assertEquals(START, root.read(FILE));
        assertEquals(List.of(), tools.calls());
        assertTrue(run(interfaces, conn, stanza("en05", "10.100.0.2/30", "force", true)).changed());
        Outcome unchanged = run(interfaces, conn, stanza("en05", "10.100.0.2/30"));
        assertFalse(unchanged.changed(), "nothing to write: no refusal, only a note");
        assertTrue(unchanged.plan().note().contains(".new exists"));
        assertEquals(true, unchanged.result().data().get("pending_interfaces_new"));
    }

    @Test
    void absentRemovesTheStanza() throws Exception {
        root.file(FILE, GUIDE_1B);
        assertTrue(run(interfaces, conn, "iface", "en06", "state", "absent").changed());
        assertEquals(GUIDE_1B.replace("auto en06\niface en06 inet static\n    address 10.100.0.5/30\n    mtu 65520\n\n", ""), root.read(FILE));
        assertFalse(run(interfaces, conn, "iface", "en06", "state", "absent").changed());
    }

    @Test
    void newFileIsCreatedAndBackupKept() throws Exception {
        Outcome created = run(interfaces, conn, "path", "/etc/network/interfaces.d/tb4", "iface", "en05", "method", "manual",
                "options", map("mtu", 65520, "post-up", List.of("ip link set en05 up", "echo ok")));
        assertTrue(created.changed());
        assertEquals("iface en05 inet manual\n    mtu 65520\n    post-up ip link set en05 up\n    post-up echo ok\n",
                root.read("/etc/network/interfaces.d/tb4"));
        Outcome changed = run(interfaces, conn, "path", "/etc/network/interfaces.d/tb4", "iface", "en05", "method", "manual",
                "options", map("mtu", 9000), "backup", true);
        assertTrue(String.valueOf(changed.result().data().get("backup_file")).startsWith("/etc/network/interfaces.d/tb4."));
    }

    @Test
    void badArgumentsSayWhatToWrite() throws Exception {
        UserError mtu = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "static", "options", map("mtu", 70000)));
        assertTrue(mtu.getMessage().contains("argument 'options' of module 'interfaces': mtu 70000 is out of range 552..65535"), mtu.getMessage());
        assertTrue(mtu.hint().contains("65520"));
        UserError addr = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "static", "options", map("address", "10.100.0.2")));
        assertTrue(addr.getMessage().contains("no prefix length and there is no netmask"), addr.getMessage());
        assertTrue(check(interfaces, conn, "iface", "en05", "method", "static",
                "options", map("address", "10.100.0.2", "netmask", "255.255.255.252")).changed(), "address + netmask is fine");
        UserError bad = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "static", "options", map("address", "10.100.0.300/30")));
        assertTrue(bad.getMessage().contains("not an IPv4 or IPv6 address"), bad.getMessage());
        UserError fam = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "static", "options", map("address", "fd00::1/64")));
        assertTrue(fam.getMessage().contains("family inet"), fam.getMessage());
        UserError gw = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "vmbr0", "method", "static",
                "options", map("address", "10.11.11.12/24", "gateway", "10.11.11.1/24")));
        assertTrue(gw.getMessage().contains("gateway '10.11.11.1/24' is not an IPv4 address"), gw.getMessage());
        UserError name = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "thunderbolt-net-0", "method", "manual"));
        assertTrue(name.getMessage().contains("argument 'iface'"), name.getMessage());
        UserError method = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05"));
        assertTrue(method.getMessage().contains("argument 'method'"), method.getMessage());
        UserError key = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "manual", "options", map("iface", "x")));
        assertTrue(key.getMessage().contains("'iface' is not an option name"), key.getMessage());
        UserError choice = assertThrows(UserError.class, () -> run(interfaces, conn, "iface", "en05", "method", "ppp"));
        assertTrue(choice.getMessage().contains("method"), choice.getMessage());
    }
}
