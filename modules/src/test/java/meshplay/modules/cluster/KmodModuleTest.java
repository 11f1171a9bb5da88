package meshplay.modules.cluster;

import static meshplay.modules.cluster.Runs.check;
import static meshplay.modules.cluster.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KmodModuleTest extends TempRootTest {
    FakeTools tools;
    final KmodModule kmod = new KmodModule();

    @BeforeEach
    void setUp() throws Exception {
        tools = new FakeTools(root).uname("6.14.8-2-pve").modprobe();
        root.file("/proc/modules", "thunderbolt 212992 0 - Live 0x0000000000000000\n");
        root.file("/lib/modules/6.14.8-2-pve/modules.builtin", "kernel/net/ipv4/tcp_cubic.ko\n");
        root.file("/etc/modules", KmodFilesTest.DEBIAN_MODULES);
    }

    @Test
    void guidePhase1AWritesEtcModulesAndLoadsOnce() throws Exception {
        Outcome first = run(kmod, conn, "name", "thunderbolt", "persistent", "present", "persistent_file", "/etc/modules");
        Outcome second = run(kmod, conn, "name", "thunderbolt-net", "persistent", "present", "persistent_file", "/etc/modules");
        assertTrue(first.changed(), "thunderbolt was loaded already, but /etc/modules lacked it");
        assertTrue(second.changed());
        assertEquals(KmodFilesTest.DEBIAN_MODULES + "thunderbolt\nthunderbolt-net\n", root.read("/etc/modules"));
        assertEquals(List.of("modprobe thunderbolt-net"), tools.calls(), "thunderbolt was loaded; only thunderbolt-net is loaded");

        tools.clear();
        assertFalse(run(kmod, conn, "name", "thunderbolt", "persistent", "present", "persistent_file", "/etc/modules").changed());
        assertFalse(run(kmod, conn, "name", "thunderbolt_net", "persistent", "present", "persistent_file", "/etc/modules").changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void withoutProcModulesALiveSysfsEntryMeansLoaded() throws Exception {
        java.nio.file.Files.delete(root.path("/proc/modules"));
        root.file("/sys/module/thunderbolt_net/initstate", "live\n");
        assertFalse(run(kmod, conn, "name", "thunderbolt-net").changed());
        assertEquals(List.of(), tools.calls());
        assertTrue(run(kmod, conn, "name", "thunderbolt").changed(), "no initstate: not loaded");
        assertEquals(List.of("modprobe thunderbolt"), tools.calls());
    }

    @Test
    void checkRunPredictsWithoutWritingOrRunning() throws Exception {
        Outcome predicted = check(kmod, conn, "name", "thunderbolt-net", "persistent", "present");
        assertTrue(predicted.changed());
        assertFalse(root.exists("/etc/modules-load.d/thunderbolt-net.conf"));
        assertEquals(List.of(), tools.calls());
        List<Diff> diffs = predicted.plan().diffs();
        assertEquals(Diff.file("/etc/modules-load.d/thunderbolt-net.conf", null, "thunderbolt-net\n"), diffs.get(0));
        assertEquals(Diff.state("loaded", "no", "yes"), diffs.get(1));

        Outcome real = run(kmod, conn, "name", "thunderbolt-net", "persistent", "present");
        assertEquals(predicted.plan().diffs(), real.plan().diffs(), "check predicts the real run");
        assertEquals("thunderbolt-net\n", root.read("/etc/modules-load.d/thunderbolt-net.conf"));
        assertEquals(List.of("modprobe thunderbolt-net"), tools.calls());
    }

    @Test
    void paramsGoToModprobeDAndToModprobe() throws Exception {
        Outcome first = run(kmod, conn, "name", "vfio-pci", "params", Map.of("ids", "10de:1b80"));
        assertTrue(first.changed());
        assertEquals("options vfio-pci ids=10de:1b80\n", root.read("/etc/modprobe.d/vfio-pci.conf"));
        assertEquals(List.of("modprobe vfio-pci ids=10de:1b80"), tools.calls());
        tools.clear();
        assertFalse(run(kmod, conn, "name", "vfio-pci", "params", Map.of("ids", "10de:1b80")).changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void differingLiveParamIsReportedNotUnloaded() throws Exception {
        root.file("/etc/modprobe.d/thunderbolt.conf", "options thunderbolt clx=0\n");
        root.file("/sys/module/thunderbolt/parameters/clx", "Y\n");
        Outcome o = run(kmod, conn, "name", "thunderbolt", "params", Map.of("clx", false));
        assertFalse(o.changed(), "the file already says so and the module is not reloaded");
        assertEquals(true, o.result().data().get("reload_required"));
        assertEquals(Map.of("clx", Map.of("live", "Y", "wanted", "0")), o.result().data().get("params_differing"));
        assertTrue(o.plan().note().contains("reloaded"));
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void absentUnloadsAndRemovesBootLines() throws Exception {
        root.file("/etc/modules-load.d/thunderbolt.conf", "thunderbolt\n");
        Outcome o = run(kmod, conn, "name", "thunderbolt", "state", "absent", "persistent", "absent");
        assertTrue(o.changed());
        assertFalse(root.exists("/etc/modules-load.d/thunderbolt.conf"), "the module's own list file is removed when empty");
        assertEquals(List.of("modprobe -r thunderbolt"), tools.calls());
        assertEquals("", root.read("/proc/modules"));
        tools.clear();
        assertFalse(run(kmod, conn, "name", "thunderbolt", "state", "absent", "persistent", "absent").changed());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void disabledBlacklistsAndDropsTheBootLine() throws Exception {
        root.file("/etc/modules", "# mine\nthunderbolt\nloop\n");
        Outcome o = run(kmod, conn, "name", "thunderbolt", "persistent", "disabled", "persistent_file", "/etc/modules");
        assertTrue(o.changed());
        assertEquals("# mine\nloop\n", root.read("/etc/modules"));
        assertEquals("blacklist thunderbolt\n", root.read("/etc/modprobe.d/thunderbolt.conf"));
        assertFalse(run(kmod, conn, "name", "thunderbolt", "persistent", "disabled", "persistent_file", "/etc/modules").changed());
    }

    @Test
    void builtinModuleCountsAsLoadedAndCannotBeUnloaded() throws Exception {
        Outcome o = run(kmod, conn, "name", "tcp-cubic");
        assertFalse(o.changed());
        assertEquals(true, o.result().data().get("builtin"));
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> run(kmod, conn, "name", "tcp_cubic", "state", "absent"));
        assertTrue(f.getMessage().contains("built into the running kernel"), f.getMessage());
        assertEquals(List.of(), tools.calls());
    }

    @Test
    void failedModprobeFailsTheTaskWithItsMessage() throws Exception {
        tools.failing("modprobe", "modprobe: FATAL: Module nosuch not found in directory /lib/modules/6.14.8-2-pve");
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> run(kmod, conn, "name", "nosuch"));
        assertTrue(f.getMessage().contains("Module nosuch not found"), f.getMessage());
    }

    @Test
    void badArgumentsNameTheArgument() {
        UserError name = assertThrows(UserError.class, () -> run(kmod, conn, "name", "thunder bolt"));
        assertTrue(name.getMessage().contains("argument 'name' of module 'kmod'"), name.getMessage());
        UserError state = assertThrows(UserError.class, () -> run(kmod, conn, "name", "x", "state", "loaded"));
        assertTrue(state.getMessage().contains("state"), state.getMessage());
        UserError persistent = assertThrows(UserError.class, () -> run(kmod, conn, "name", "x", "persistent", "yes"));
        assertTrue(persistent.getMessage().contains("persistent"), persistent.getMessage());
        UserError params = assertThrows(UserError.class, () -> run(kmod, conn, "name", "x", "params", Map.of("a", "1 2")));
        assertTrue(params.getMessage().contains("argument 'params'"), params.getMessage());
        UserError file = assertThrows(UserError.class, () -> run(kmod, conn, "name", "x", "persistent", "present", "persistent_file", "etc/modules"));
        assertTrue(file.getMessage().contains("persistent_file"), file.getMessage());
    }
}
