package meshplay.modules.ceph;

import meshplay.modules.pve.PveCephModule;
import meshplay.modules.pve.PveSdnModule;
import meshplay.modules.pve.PveSdnModuleTest;
import meshplay.modules.pve.PveStorageModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phases 2 and 4A-5 of the guide as the playbooks run them (same module arguments), on the
 * emulated 3-node cluster: every step changes something the first time and nothing the second.
 */
class GuideCephFlowTest {
    @TempDir
    Path dir;

    record Step(String node, Module module, Map<String, Object> args) {
    }

    @Test
    void aCheckRunOnFreshNodesPredictsEveryStep() throws Exception {
        EmulatedCluster cluster = new EmulatedCluster(dir);
        List<String> silent = new ArrayList<>();
        for (Step s : steps()) {
            boolean mgrAfterMon = s.module() instanceof PveCephModule && "mgr".equals(s.args().get("action"));
            if (mgrAfterMon) continue;  // a check run cannot know that the first mon will bring its mgr
            if (!cluster.run(s.module(), s.node(), s.args(), true).changed()) silent.add(s.module().name() + "@" + s.node());
        }
        assertEquals(List.of(), silent);
        assertFalse(cluster.root.exists("/etc/pve/ceph.conf"), "a check run changes nothing");
    }

    @Test
    void theWholeBuildConvergesAndASecondRunChangesNothing() throws Exception {
        EmulatedCluster cluster = new EmulatedCluster(dir);
        List<Step> steps = steps();
        List<String> unchanged = new ArrayList<>();
        for (Step s : steps) {
            if (!cluster.run(s.module(), s.node(), s.args(), false).changed()) unchanged.add(s.module().name() + "@" + s.node() + " " + s.args());
        }
        // the first mon creates its mgr, so the mgr step on n2 is the one expected no-op
        assertEquals(List.of(), unchanged.stream().filter(u -> !u.startsWith("pve-ceph@n2 {action=mgr")).toList());
        for (Step s : steps) {
            assertFalse(cluster.run(s.module(), s.node(), s.args(), false).changed(), () -> "second run: " + s);
        }
        String status = cluster.ok("n2", "ceph", "-s");
        assertTrue(status.contains("health: HEALTH_OK"), status);
        assertTrue(status.contains("mon: 3 daemons, quorum n2,n3,n4"), status);
        assertTrue(status.contains("osd: 6 osds: 6 up"), status);
        assertTrue(status.contains("256 active+clean"), status);
    }

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        List<String> nodes = List.of("n2", "n3", "n4");
        steps.add(new Step("n2", new PveSdnModule(), PveSdnModuleTest.guideFabric()));
        for (String n : nodes) steps.add(new Step(n, new PveCephModule(), Map.of("action", "install", "version", "squid",
                "repository", "no-subscription")));
        steps.add(new Step("n2", new PveCephModule(), Map.of("action", "init", "network", "10.1.1.0/24", "cluster_network", "10.100.0.0/24")));
        steps.add(new Step("n2", new PveCephModule(), Map.of("action", "mon", "mon_address", "10.1.1.12")));
        steps.add(new Step("n2", new CephConfigModule(), Map.of("settings", List.of(
                Map.of("who", "global", "name", "public_network", "value", "10.1.1.0/24"),
                Map.of("who", "global", "name", "cluster_network", "value", "10.100.0.0/24"),
                Map.of("who", "mon", "name", "public_network", "value", "10.1.1.0/24")))));
        for (String n : nodes) {
            if (!n.equals("n2")) steps.add(new Step(n, new PveCephModule(), Map.of("action", "mon", "mon_address", "10.1.1.1" + n.charAt(1))));
            steps.add(new Step(n, new PveCephModule(), Map.of("action", "mgr")));
        }
        for (String n : nodes) {
            for (String d : List.of("/dev/nvme0n1", "/dev/nvme1n1")) steps.add(new Step(n, new CephOsdModule(), Map.of("device", d, "state", "present")));
        }
        steps.add(new Step("n2", new CephPoolModule(), Map.of("name", "cephtb4", "size", "3", "min_size", "2", "pg_num", "256",
                "pg_autoscale_mode", "off", "application", "rbd")));
        steps.add(new Step("n2", new PveStorageModule(), Map.of("storage", "cephtb4", "type", "rbd", "pool", "cephtb4",
                "content", "images,rootdir")));
        Map<String, Object> tuning = new LinkedHashMap<>();
        tuning.put("osd_memory_target", 8589934592L);
        tuning.put("bluestore_cache_size_ssd", 4294967296L);
        tuning.put("bluestore_cache_meta_ratio", 0.4);
        tuning.put("bluestore_compression_algorithm", "lz4");
        tuning.put("bluestore_compression_mode", "aggressive");
        tuning.put("osd_heartbeat_grace", 20);
        tuning.put("osd_heartbeat_interval", 5);
        tuning.put("osd_op_num_threads_per_shard", 2);
        tuning.put("osd_op_num_shards", 12);
        tuning.put("osd_scrub_during_recovery", false);
        tuning.put("osd_scrub_begin_hour", 1);
        tuning.put("osd_scrub_end_hour", 5);
        steps.add(new Step("n2", new CephConfigModule(), Map.of("who", "osd", "settings", tuning)));
        return steps;
    }
}
