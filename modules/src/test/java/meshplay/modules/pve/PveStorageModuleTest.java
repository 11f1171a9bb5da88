package meshplay.modules.pve;

import meshplay.modules.ceph.EmulatedCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PveStorageModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final PveStorageModule module = new PveStorageModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir);
    }

    @Test
    void addsThenComparesContentAsASet() throws Exception {
        Map<String, Object> args = Map.of("storage", "cephtb4", "pool", "cephtb4", "content", List.of("images", "rootdir"));
        assertTrue(cluster.run(module, "n2", args, true).changed());
        assertFalse(cluster.root.exists("/etc/pve/storage.cfg"));
        assertTrue(cluster.run(module, "n2", args, false).changed());
        assertTrue(cluster.root.read("/etc/pve/storage.cfg").startsWith("rbd: cephtb4\n\tpool cephtb4\n\tcontent images,rootdir\n"));
        assertFalse(cluster.run(module, "n2", Map.of("storage", "cephtb4", "pool", "cephtb4", "content", "rootdir,images"), false).changed());
        Outcome narrowed = cluster.run(module, "n2", Map.of("storage", "cephtb4", "content", List.of("images")), false);
        assertEquals("storage cephtb4 content", narrowed.plan().diffs().get(0).subject());
        assertTrue(cluster.run(module, "n2", Map.of("storage", "cephtb4", "state", "absent"), false).changed());
    }

    @Test
    void badArguments() {
        assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("storage", "ceph tb4"), false));
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> cluster.run(module, "n2", Map.of("storage", "cephtb4", "content", List.of("iso")), false));
        assertTrue(e.getMessage().contains("content"), e.getMessage());
        assertFalse(cluster.root.exists("/etc/pve/storage.cfg"));
    }

    @Test
    void refusesToChangeTheType() throws Exception {
        cluster.run(module, "n2", Map.of("storage", "cephtb4", "pool", "cephtb4"), false);
        assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("storage", "cephtb4", "type", "cephfs"), false));
    }
}
