package meshplay.modules.pve;

import meshplay.modules.ceph.EmulatedCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PveCephModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final PveCephModule module = new PveCephModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir);
    }

    @Test
    void installRunsOnceAndAgainWhenTheRepositoryChanges() throws Exception {
        Map<String, Object> args = Map.of("action", "install", "repository", "test", "version", "squid");
        Outcome check = cluster.run(module, "n2", args, true);
        assertTrue(check.changed());
        assertFalse(cluster.root.exists("/etc/apt/sources.list.d/ceph.sources"), "check mode installs nothing");
        assertTrue(cluster.run(module, "n2", args, false).changed());
        assertTrue(cluster.root.read("/etc/apt/sources.list.d/ceph.sources").contains("Components: test\n"));
        assertFalse(cluster.run(module, "n2", args, false).changed());
        Outcome other = cluster.run(module, "n2", Map.of("action", "install", "repository", "no-subscription"), false);
        assertTrue(other.changed());
    }

    @Test
    void initWritesTheConfigOnceAndFollowsNetworkChanges() throws Exception {
        cluster.ok("n2", "pveceph", "install", "--repository", "test", "--version", "squid");
        Map<String, Object> args = Map.of("action", "init", "network", "10.1.1.0/24", "cluster_network", "10.100.0.0/24");
        Outcome first = cluster.run(module, "n2", args, false);
        assertEquals(3, first.plan().diffs().size(), "fsid, public_network, cluster_network");
        String conf = cluster.root.read("/etc/pve/ceph.conf");
        assertTrue(conf.contains("\tcluster_network = 10.100.0.0/24\n") && conf.contains("\tpublic_network = 10.1.1.0/24\n"), conf);
        assertFalse(cluster.run(module, "n2", args, false).changed());
        Outcome moved = cluster.run(module, "n2", Map.of("action", "init", "network", "10.100.0.0/24"), false);
        assertEquals("ceph.conf public_network", moved.plan().diffs().get(0).subject());
        assertTrue(cluster.root.read("/etc/pve/ceph.conf").contains("\tpublic_network = 10.100.0.0/24\n"));
    }

    @Test
    void firstMonitorBringsItsManagerSoTheMgrStepIsANoOp() throws Exception {
        cluster.ok("n2", "pveceph", "install", "--repository", "test", "--version", "squid");
        cluster.ok("n2", "pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.100.0.0/24");
        Outcome mon = cluster.run(module, "n2", Map.of("action", "mon"), false);
        assertTrue(mon.changed());
        assertFalse(cluster.run(module, "n2", Map.of("action", "mon"), false).changed());
        assertFalse(cluster.run(module, "n2", Map.of("action", "mgr"), false).changed(), "mgr.n2 came with the first mon");
        cluster.ok("n3", "pveceph", "install", "--repository", "test", "--version", "squid");
        assertTrue(cluster.run(module, "n3", Map.of("action", "mon"), false).changed());
        Outcome mgr = cluster.run(module, "n3", Map.of("action", "mgr"), false);
        assertTrue(mgr.changed());
        assertEquals("[n2] -> [n2, n3]", mgr.plan().diffs().get(0).before() + " -> " + mgr.plan().diffs().get(0).after());
        assertTrue(cluster.ok("n2", "ceph", "-s").contains("mgr: n2(active, since"));
    }

    @Test
    void monWithoutAnAddressInThePublicNetworkFailsWithPvesMessage() throws Exception {
        cluster.ok("n2", "pveceph", "install", "--repository", "test", "--version", "squid");
        cluster.ok("n2", "pveceph", "init", "--network", "192.168.77.0/24");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("action", "mon"), false));
        assertTrue(e.getMessage().contains("No active IP found for the requested ceph public network"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(UserError.class, () -> cluster.run(module, "n2", Map.of("action", "osd"), false));
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("action", "init"), false))
                .getMessage().contains("needs 'network'"));
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", Map.of("action", "init", "network", "10.1.1.0"), false))
                .getMessage().contains("CIDR"));
    }
}
