package meshplay.modules.cluster;

import static meshplay.modules.cluster.InterfacesFileTest.GUIDE_1B;
import static meshplay.modules.cluster.InterfacesFileTest.PVE_HEADER;
import static meshplay.modules.cluster.InterfacesFileTest.PVE_INSTALLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterfacesEditTest {
    static InterfacesEdit.Desired tb(String name, String cidr) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("address", List.of(cidr));
        options.put("mtu", List.of("65520"));
        return new InterfacesEdit.Desired(name, "inet", "static", options, true, null, false);
    }

    static final String REMINDERS = "iface en05 inet manual #do not edit in GUI\niface en06 inet manual #do not edit in GUI\n\n";

    @Test
    void producesTheGuideLayoutFromThePveInstallerFile() {
        String withReminders = PVE_INSTALLER.replace("iface lo inet loopback\n\n", "iface lo inet loopback\n\n" + REMINDERS);
        String text = InterfacesEdit.apply(InterfacesEdit.apply(withReminders, tb("en05", "10.100.0.2/30")), tb("en06", "10.100.0.5/30"));
        assertEquals(PVE_HEADER + "auto lo\niface lo inet loopback\n\n" + REMINDERS + "iface nic0 inet manual\n\n"
                + "auto vmbr0\niface vmbr0 inet static\n\taddress 10.11.11.12/24\n\tgateway 10.11.11.1\n\tbridge-ports nic0\n"
                + "\tbridge-stp off\n\tbridge-fd 0\n\niface nic1 inet manual\n\n"
                + "auto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n\n"
                + "auto en06\niface en06 inet static\n    address 10.100.0.5/30\n    mtu 65520\n\n\n"
                + "source /etc/network/interfaces.d/*\n", text);
        assertSame(text, InterfacesEdit.apply(text, tb("en05", "10.100.0.2/30")));
    }

    @Test
    void guideLayoutIsAlreadyRight() {
        assertSame(GUIDE_1B, InterfacesEdit.apply(GUIDE_1B, tb("en05", "10.100.0.2/30")));
        assertSame(GUIDE_1B, InterfacesEdit.apply(GUIDE_1B, tb("en06", "10.100.0.5/30")));
    }

    @Test
    void buildsTheGuideLayoutFromItsStartingPoint() {
        String start = GUIDE_1B.replaceAll("auto en0[56]\niface en0[56] inet static\n    address [0-9./]+\n    mtu 65520\n\n", "");
        String text = InterfacesEdit.apply(InterfacesEdit.apply(start, tb("en05", "10.100.0.2/30")), tb("en06", "10.100.0.5/30"));
        assertEquals(GUIDE_1B, text);
    }

    @Test
    void changesAStanzaInPlaceKeepingItsIndentation() {
        String text = GUIDE_1B.replace("    address 10.100.0.2/30\n    mtu 65520\n", "\tmtu 1500\n\taddress 10.100.0.2/30\n");
        String fixed = InterfacesEdit.apply(text, tb("en05", "10.100.0.2/30"));
        assertEquals(GUIDE_1B.replace("    address 10.100.0.2/30\n    mtu 65520\n", "\taddress 10.100.0.2/30\n\tmtu 65520\n"), fixed);
    }

    @Test
    void optionOrderSpacingAndBooleanSpellingAreNotChanges() {
        String text = GUIDE_1B.replace("    address 10.100.0.2/30\n    mtu 65520\n", "  mtu   65520\n\taddress 10.100.0.2/30  \n");
        assertSame(text, InterfacesEdit.apply(text, tb("en05", "10.100.0.2/30")));
        Map<String, List<String>> bridge = new LinkedHashMap<>();
        bridge.put("address", List.of("10.11.11.12/24"));
        bridge.put("gateway", List.of("10.11.11.1"));
        bridge.put("bridge-ports", List.of("nic0"));
        bridge.put("bridge-stp", List.of("no"));
        bridge.put("bridge-fd", List.of("0"));
        assertSame(PVE_INSTALLER, InterfacesEdit.apply(PVE_INSTALLER, new InterfacesEdit.Desired("vmbr0", "inet", "static", bridge, true, null, false)));
    }

    @Test
    void listOptionsAreOrderedLines() {
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("post-up", List.of("ip route add 10.0.0.0/8 dev en05", "echo up"));
        String text = InterfacesEdit.apply("", new InterfacesEdit.Desired("en05", "inet", "manual", o, null, null, false));
        assertEquals("iface en05 inet manual\n    post-up ip route add 10.0.0.0/8 dev en05\n    post-up echo up\n", text);
        o.put("post-up", List.of("echo up", "ip route add 10.0.0.0/8 dev en05"));
        assertEquals("iface en05 inet manual\n    post-up echo up\n    post-up ip route add 10.0.0.0/8 dev en05\n",
                InterfacesEdit.apply(text, new InterfacesEdit.Desired("en05", "inet", "manual", o, null, null, false)));
    }

    @Test
    void withoutSourceLineTheStanzaIsAppended() {
        assertEquals("auto lo\niface lo inet loopback\n\nauto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n",
                InterfacesEdit.apply("auto lo\niface lo inet loopback", tb("en05", "10.100.0.2/30")));
    }

    @Test
    void debianLayoutWithSourceOnTopInsertsAboveIt() {
        String debian = "# This file describes the network interfaces\n\nsource /etc/network/interfaces.d/*\n\n# The loopback\nauto lo\niface lo inet loopback\n";
        assertEquals("# This file describes the network interfaces\n\nauto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n\n"
                + "source /etc/network/interfaces.d/*\n\n# The loopback\nauto lo\niface lo inet loopback\n", InterfacesEdit.apply(debian, tb("en05", "10.100.0.2/30")));
        String attached = "iface lo inet loopback\n# extra files\nsource-directory /etc/network/interfaces.d\n";
        assertEquals("iface lo inet loopback\n\nauto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n\n# extra files\n"
                + "source-directory /etc/network/interfaces.d\n", InterfacesEdit.apply(attached, tb("en05", "10.100.0.2/30")));
    }

    @Test
    void removeTakesTheStanzaAndItsAutoLineButNotTheNote() {
        String removed = InterfacesEdit.remove(GUIDE_1B, "en05", "inet", null, null);
        assertEquals(GUIDE_1B.replace("auto en05\niface en05 inet static\n    address 10.100.0.2/30\n    mtu 65520\n\n", ""), removed);
        assertSame(removed, InterfacesEdit.remove(removed, "en05", "inet", null, null), "the note line is never managed");
    }

    @Test
    void autoFalseAndCommentsAreManaged() {
        InterfacesEdit.Desired noAuto = new InterfacesEdit.Desired("en05", "inet", "static", tb("en05", "10.100.0.2/30").options(), false, "TB4 ring", false);
        String text = InterfacesEdit.apply(GUIDE_1B, noAuto);
        assertEquals(GUIDE_1B.replace("auto en05\niface en05 inet static", "# TB4 ring\niface en05 inet static"), text);
        assertSame(text, InterfacesEdit.apply(text, noAuto));
        InterfacesEdit.Desired withAuto = new InterfacesEdit.Desired("en05", "inet", "static", tb("en05", "10.100.0.2/30").options(), true, "TB4 ring", false);
        assertEquals(GUIDE_1B.replace("auto en05\niface en05 inet static", "# TB4 ring\nauto en05\niface en05 inet static"), InterfacesEdit.apply(text, withAuto));
        assertEquals("auto lo\n", InterfacesEdit.apply("auto lo en05\n", new InterfacesEdit.Desired("en05", "inet", "manual", Map.of(), false, null, false))
                .substring(0, 8));
    }

    @Test
    void familiesAreSeparateStanzas() {
        Map<String, List<String>> v6 = new LinkedHashMap<>();
        v6.put("address", List.of("fd00::2/64"));
        String text = InterfacesEdit.apply(GUIDE_1B, new InterfacesEdit.Desired("en05", "inet6", "static", v6, null, null, false));
        assertEquals(GUIDE_1B.replace("\nsource", "\niface en05 inet6 static\n    address fd00::2/64\n\nsource"), text);
    }
}
