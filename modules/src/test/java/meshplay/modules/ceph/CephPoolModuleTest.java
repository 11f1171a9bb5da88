package meshplay.modules.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CephPoolModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final CephPoolModule module = new CephPoolModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir).withCeph();
    }

    static Map<String, Object> guidePool() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "cephtb4");
        args.put("size", 3);
        args.put("min_size", 2);
        args.put("pg_num", 256);
        args.put("pg_autoscale_mode", "off");
        args.put("application", "rbd");
        return args;
    }

    @Test
    void createsThenLeavesAlone() throws Exception {
        Outcome first = cluster.run(module, "n2", guidePool(), false);
        assertTrue(first.changed());
        assertTrue(cluster.ok("n2", "ceph", "osd", "pool", "ls", "detail").contains("'cephtb4' replicated size 3 min_size 2"));
        assertFalse(cluster.run(module, "n2", guidePool(), false).changed());
    }

    @Test
    void setsOnlyDifferingValues() throws Exception {
        cluster.run(module, "n2", guidePool(), false);
        Map<String, Object> args = guidePool();
        args.put("size", 2);
        args.put("min_size", 1);
        Outcome out = cluster.run(module, "n2", args, false);
        assertEquals(2, out.plan().changes().size());
        assertEquals("pool cephtb4 size", out.plan().diffs().get(0).subject());
        assertFalse(cluster.run(module, "n2", args, false).changed());
    }

    @Test
    void checkModeCreatesNothing() throws Exception {
        assertTrue(cluster.run(module, "n2", guidePool(), true).changed());
        assertEquals("", cluster.ok("n2", "ceph", "osd", "pool", "ls").strip());
    }

    @Test
    void failedPoolTaskIsDetectedThoughPvecephExitsZero() throws Exception {
        cluster.run(module, "n2", guidePool(), false);
        Map<String, Object> args = guidePool();
        args.put("crush_rule", "fast_rule");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", args, false));
        assertTrue(e.getMessage().contains("crush rule fast_rule does not exist"), e.getMessage());
    }

    @Test
    void absentNeedsForce() throws Exception {
        cluster.run(module, "n2", guidePool(), false);
        assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("name", "cephtb4", "state", "absent"), false));
        assertTrue(cluster.run(module, "n2", Map.of("name", "cephtb4", "state", "absent", "force", true), false).changed());
        assertFalse(cluster.run(module, "n2", Map.of("name", "cephtb4", "state", "absent", "force", true), false).changed());
    }

    @Test
    void badArguments() {
        Map<String, Object> args = guidePool();
        args.put("min_size", 4);
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", args, false)).getMessage().contains("larger than size"));
        assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("name", "bad/name"), false));
    }
}
