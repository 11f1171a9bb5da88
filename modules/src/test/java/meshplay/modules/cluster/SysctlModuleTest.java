package meshplay.modules.cluster;

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

class SysctlModuleTest extends TempRootTest {
    FakeTools tools;
    final SysctlModule sysctl = new SysctlModule();

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(root).sysctl();
        root.file("/proc/sys/net/ipv4/ip_forward", "0\n");
        root.file("/proc/sys/net/core/rmem_max", "212992\n");
        root.file("/proc/sys/net/core/wmem_max", "212992\n");
        root.file("/proc/sys/net/core/netdev_max_backlog", "1000\n");
        root.file("/proc/sys/vm/swappiness", "60\n");
        root.file("/proc/sys/vm/min_free_kbytes", "67584\n");
        root.file("/proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t6291456\n");
    }

    @Test
    void guidePhase1CDropInAndLiveValue() throws Exception {
        Outcome first = run(sysctl, conn, "name", "net.ipv4.ip_forward", "value", 1, "file", "/etc/sysctl.d/90-tb4.conf");
        assertTrue(first.changed());
        assertEquals("net.ipv4.ip_forward=1\n", root.read("/etc/sysctl.d/90-tb4.conf"));
        assertEquals(List.of("sysctl -w net.ipv4.ip_forward=1"), tools.calls());
        assertEquals(List.of(Diff.file("/etc/sysctl.d/90-tb4.conf", null, "net.ipv4.ip_forward=1\n"),
                Diff.state("live net.ipv4.ip_forward", "0", "1")), first.plan().diffs());
        tools.clear();
        assertFalse(run(sysctl, conn, "name", "net.ipv4.ip_forward", "value", 1, "file", "/etc/sysctl.d/90-tb4.conf").changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void guidePhase5SettingsInOneDropIn() throws Exception {
        Object settings = map("net.core.rmem_max", 268435456, "net.core.wmem_max", 268435456, "net.core.netdev_max_backlog", 30000,
                "vm.swappiness", 1, "vm.min_free_kbytes", 4194304);
        assertTrue(run(sysctl, conn, "settings", settings, "file", "/etc/sysctl.d/90-tb4-ceph.conf").changed());
        assertEquals("net.core.rmem_max=268435456\nnet.core.wmem_max=268435456\nnet.core.netdev_max_backlog=30000\nvm.swappiness=1\n"
                + "vm.min_free_kbytes=4194304\n", root.read("/etc/sysctl.d/90-tb4-ceph.conf"));
        assertEquals(5, tools.calls().size());
        tools.clear();
        assertFalse(run(sysctl, conn, "settings", settings, "file", "/etc/sysctl.d/90-tb4-ceph.conf").changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void liveValueDifferingOnlyInWhitespaceIsEqual() throws Exception {
        root.file("/etc/sysctl.d/99-meshplay.conf", "net.ipv4.tcp_rmem = 4096 131072 6291456\n");
        assertFalse(run(sysctl, conn, "name", "net.ipv4.tcp_rmem", "value", "4096  131072 6291456").changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void checkRunReportsFileAndLiveWithoutTouchingEither() throws Exception {
        Outcome predicted = check(sysctl, conn, "name", "net.ipv4.ip_forward", "value", true, "reload", true);
        assertTrue(predicted.changed());
        assertEquals(3, predicted.plan().changes().size());
        assertEquals("sysctl -p /etc/sysctl.d/99-meshplay.conf", predicted.plan().changes().get(2).summary());
        assertFalse(root.exists("/etc/sysctl.d/99-meshplay.conf"));
        assertEquals("0\n", root.read("/proc/sys/net/ipv4/ip_forward"));
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void fileOnlyWhenApplyIsFalseAndOtherLinesKept() throws Exception {
        root.file("/etc/sysctl.d/99-meshplay.conf", "# mine\nkernel.panic = 10\nnet.ipv4.ip_forward = 0\n");
        assertTrue(run(sysctl, conn, "name", "net.ipv4.ip_forward", "value", "1", "apply", false).changed());
        assertEquals("# mine\nkernel.panic = 10\nnet.ipv4.ip_forward=1\n", root.read("/etc/sysctl.d/99-meshplay.conf"));
        assertEquals(List.of(), tools.calls());
        assertTrue(run(sysctl, conn, "name", "kernel.panic", "state", "absent").changed());
        assertEquals("# mine\nnet.ipv4.ip_forward=1\n", root.read("/etc/sysctl.d/99-meshplay.conf"));
        assertEquals(List.of(), tools.calls(), "absent never changes the live value");
    }

    @Test
    void liveOnlyDifferenceIsAChange() throws Exception {
        root.file("/etc/sysctl.d/99-meshplay.conf", "net.ipv4.ip_forward=1\n");
        Outcome o = run(sysctl, conn, "name", "net.ipv4.ip_forward", "value", 1);
        assertTrue(o.changed());
        assertEquals(List.of(Diff.state("live net.ipv4.ip_forward", "0", "1")), o.plan().diffs());
        assertEquals("1\n", root.read("/proc/sys/net/ipv4/ip_forward"));
    }

    @Test
    void unknownParameterAndFailingSysctlFail() throws Exception {
        ModuleFailure unknown = assertThrows(ModuleFailure.class, () -> run(sysctl, conn, "name", "net.ipv4.ip_fowrard", "value", 1));
        assertTrue(unknown.getMessage().contains("net.ipv4.ip_fowrard does not exist"), unknown.getMessage());
        assertFalse(root.exists("/etc/sysctl.d/99-meshplay.conf"), "a refused plan writes nothing");
        tools.failing("sysctl", "sysctl: permission denied on key \"net.ipv4.ip_forward\"");
        ModuleFailure denied = assertThrows(ModuleFailure.class, () -> run(sysctl, conn, "name", "net.ipv4.ip_forward", "value", 1));
        assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        UserError noValue = assertThrows(UserError.class, () -> run(sysctl, conn, "name", "net.ipv4.ip_forward"));
        assertTrue(noValue.getMessage().contains("argument 'value' of module 'sysctl'"), noValue.getMessage());
        UserError both = assertThrows(UserError.class, () -> run(sysctl, conn, "name", "a", "value", 1, "settings", map("b", 1)));
        assertTrue(both.getMessage().contains("cannot be used together"), both.getMessage());
        UserError key = assertThrows(UserError.class, () -> run(sysctl, conn, "name", "net ipv4", "value", 1));
        assertTrue(key.getMessage().contains("argument 'name'"), key.getMessage());
        UserError file = assertThrows(UserError.class, () -> run(sysctl, conn, "name", "a.b", "value", 1, "file", "sysctl.conf"));
        assertTrue(file.getMessage().contains("argument 'file'"), file.getMessage());
        UserError none = assertThrows(UserError.class, () -> run(sysctl, conn, "value", 1));
        assertTrue(none.getMessage().contains("needs one of: name, settings"), none.getMessage());
    }
}
