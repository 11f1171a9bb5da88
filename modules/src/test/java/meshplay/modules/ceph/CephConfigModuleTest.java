package meshplay.modules.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CephConfigModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final CephConfigModule module = new CephConfigModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir).withCeph();
    }

    static Map<String, Object> tuning(Object memory) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("osd_memory_target", memory);
        settings.put("bluestore_cache_meta_ratio", 0.4);
        settings.put("osd_scrub_during_recovery", false);
        settings.put("bluestore_compression_algorithm", "lz4");
        return Map.of("who", "osd", "settings", settings);
    }

    @Test
    void setsThenComparesValuesSemantically() throws Exception {
        Outcome first = cluster.run(module, "n2", tuning("8G"), false);
        assertEquals(4, first.plan().changes().size());
        assertEquals("osd/osd_memory_target", first.plan().diffs().get(0).subject());
        assertTrue(cluster.ok("n2", "ceph", "config", "dump").contains("8589934592"));
        assertFalse(cluster.run(module, "n2", tuning(8589934592L), false).changed(), "8G == 8589934592");
        assertFalse(cluster.run(module, "n2", tuning("8G"), false).changed());
        Outcome changed = cluster.run(module, "n2", tuning("12G"), false);
        assertEquals(1, changed.plan().changes().size());
        assertEquals("8589934592", changed.plan().diffs().get(0).before());
    }

    @Test
    void checkModeChangesNothing() throws Exception {
        assertTrue(cluster.run(module, "n2", tuning("8G"), true).changed());
        assertFalse(cluster.ok("n2", "ceph", "config", "dump").contains("osd_memory_target"));
    }

    @Test
    void unknownOptionFailsBeforeAnyChangeAndNamesAlternatives() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("osd_memory_target", "8G");
        settings.put("bluestore_cache_kv_max", 2147483648L);
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> cluster.run(module, "n2", Map.of("who", "osd", "settings", settings), false));
        assertTrue(e.getMessage().contains("bluestore_cache_kv_max (did you mean: bluestore_cache_kv_ratio"), e.getMessage());
        assertFalse(cluster.ok("n2", "ceph", "config", "dump").contains("osd_memory_target"));
    }

    @Test
    void theMonsAnswersToAnUnknownOptionAreRecognisedAndNothingElse() {
        assertTrue(CephConfigModule.unknownOption(new ExecResult(2, "", "Error ENOENT: \n")));
        assertTrue(CephConfigModule.unknownOption(new ExecResult(22, "", "Error EINVAL: unrecognized config option 'bluestore_cache_kv_max'\n")));
        assertFalse(CephConfigModule.unknownOption(new ExecResult(1, "", "Error ENOENT: \n")), "other exit codes are other errors");
        assertFalse(CephConfigModule.unknownOption(new ExecResult(22, "", "Error EINVAL: unrecognized config target 'foo'\n")));
        assertFalse(CephConfigModule.unknownOption(new ExecResult(13, "", "Error EACCES: access denied\n")));
    }

    @Test
    void listFormAndAbsent() throws Exception {
        List<Object> settings = List.of(Map.of("who", "global", "name", "public_network", "value", "10.1.1.0/24"),
                Map.of("who", "mon", "name", "public_network", "value", "10.1.1.0/24"));
        assertEquals(2, cluster.run(module, "n2", Map.of("settings", settings), false).plan().changes().size());
        Outcome removed = cluster.run(module, "n2", Map.of("settings", settings, "state", "absent"), false);
        assertEquals(2, removed.plan().changes().size());
        assertFalse(cluster.run(module, "n2", Map.of("settings", settings, "state", "absent"), false).changed());
    }

    @Test
    void badArguments() {
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("settings", Map.of("a", 1)), false))
                .getMessage().contains("'who'"));
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2",
                Map.of("who", "osds", "settings", Map.of("osd_memory_target", 1)), false)).getMessage().contains("not a Ceph config section"));
    }
}
