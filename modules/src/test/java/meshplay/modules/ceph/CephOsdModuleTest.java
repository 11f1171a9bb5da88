package meshplay.modules.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CephOsdModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final CephOsdModule module = new CephOsdModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir).withCeph();
    }

    @Test
    void createsOnceThenSkipsTheDisk() throws Exception {
        Outcome first = cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1", "crush_device_class", "nvme"), false);
        assertTrue(first.changed());
        assertEquals(0, first.result().data().get("osd_id"));
        assertEquals("[] -> [osd.new /dev/nvme0n1]", first.plan().diffs().get(0).before() + " -> " + first.plan().diffs().get(0).after());
        assertTrue(cluster.ok("n2", "ceph", "osd", "tree").contains("nvme"));
        Outcome second = cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1"), false);
        assertFalse(second.changed());
        assertEquals(0, second.plan().data().get("osd_id"));
    }

    @Test
    void symlinkedDeviceIsResolvedOnTheTarget() throws Exception {
        Files.createDirectories(cluster.root.path("/dev/disk/by-id"));
        Files.createSymbolicLink(cluster.root.path("/dev/disk/by-id/nvme-LAB-1"), Path.of("../../nvme1n1"));
        cluster.run(module, "n2", Map.of("device", "/dev/nvme1n1"), false);
        Outcome viaLink = cluster.run(module, "n2", Map.of("device", "/dev/disk/by-id/nvme-LAB-1"), false);
        assertFalse(viaLink.changed());
        assertEquals("/dev/nvme1n1", viaLink.plan().data().get("device"));
    }

    @Test
    void withoutCephTheTaskSaysToInstallIt() throws Exception {
        EmulatedCluster bare = new EmulatedCluster(dir.resolve("bare"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> bare.run(module, "n2", Map.of("device", "/dev/nvme0n1"), false));
        assertTrue(e.getMessage().contains("ceph-volume is not installed on this node"), e.getMessage());
    }

    @Test
    void checkModeCreatesNothing() throws Exception {
        assertTrue(cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1"), true).changed());
        assertEquals("{}", cluster.ok("n2", "ceph-volume", "lvm", "list", "--format", "json").strip());
    }

    @Test
    void refusesADiskUsedByAnythingElse() throws Exception {
        cluster.root.file("/dev/nvme1n1.used", "ext4\n");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("device", "/dev/nvme1n1"), false));
        assertTrue(e.getMessage().contains("in use (ext4)"), e.getMessage());
        assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("device", "/dev/sdz"), false));
    }

    @Test
    void absentNeedsForceThenGoesOutStopsAndDestroys() throws Exception {
        cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1"), false);
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1", "state", "absent"), false));
        assertTrue(e.getMessage().contains("force: true"), e.getMessage());
        assertTrue(cluster.ok("n2", "ceph", "osd", "ls").contains("0"), "nothing was removed without force");
        Outcome gone = cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1", "state", "absent", "force", true), false);
        assertTrue(gone.changed());
        assertEquals("", cluster.ok("n2", "ceph", "osd", "ls").strip());
        assertFalse(cluster.run(module, "n2", Map.of("device", "/dev/nvme0n1", "state", "absent", "force", true), false).changed());
    }
}
