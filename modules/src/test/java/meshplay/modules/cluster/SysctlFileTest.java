package meshplay.modules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SysctlFileTest {
    @Test
    void valuesCompareAsTokens() {
        assertTrue(SysctlFile.sameValue("4096 87380 6291456", "4096\t87380  6291456\n"));
        assertFalse(SysctlFile.sameValue("4096 87380 6291456", "4096 87380"));
        assertEquals(List.of("1"), SysctlFile.tokens(" 1\n"));
    }

    @Test
    void keysWithDotsOrSlashesMapToProcSys() {
        assertEquals("/proc/sys/net/ipv4/ip_forward", SysctlFile.procPath("net.ipv4.ip_forward"));
        assertEquals("/proc/sys/net/ipv4/conf/en05.100/forwarding", SysctlFile.procPath("net/ipv4/conf/en05.100/forwarding"));
        assertEquals("1", SysctlFile.value("net/ipv4/ip_forward = 1\n", "net.ipv4.ip_forward"));
    }

    @Test
    void wantedValuesAreNormalised() {
        assertEquals("1", SysctlFile.valueText(true));
        assertEquals("0", SysctlFile.valueText("off"));
        assertEquals("4096 87380 6291456", SysctlFile.valueText(List.of(4096, 87380, 6291456)));
        assertEquals("268435456", SysctlFile.valueText(268435456));
    }

    @Test
    void editingKeepsOtherLinesAndEqualSpelling() {
        String text = "# tuning\nvm.swappiness = 1\n; old\n-net.core.rmem_max=1\nkernel.panic=10";
        assertSame(text, SysctlFile.withSetting(text, "vm.swappiness", "1"));
        assertEquals("# tuning\nvm.swappiness = 1\n; old\nnet.core.rmem_max=268435456\nkernel.panic=10",
                SysctlFile.withSetting(text, "net.core.rmem_max", "268435456"));
        assertEquals(text + "\nnet.ipv4.ip_forward=1\n", SysctlFile.withSetting(text, "net.ipv4.ip_forward", "1"));
        assertEquals("net.ipv4.ip_forward=1\n", SysctlFile.withSetting(null, "net.ipv4.ip_forward", "1"));
        assertEquals("a=2\n# x\n", SysctlFile.withSetting("a=1\n# x\na = 3\n", "a", "2"), "later lines would override: removed");
        assertEquals("# tuning\n; old\n-net.core.rmem_max=1\nkernel.panic=10", SysctlFile.withoutSetting(text, "vm.swappiness"));
        assertNull(SysctlFile.value("# net.ipv4.ip_forward=1\n", "net.ipv4.ip_forward"));
    }
}
