package meshplay.modules.pve;

import meshplay.modules.ceph.EmulatedCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PveSdnModuleTest {
    @TempDir
    Path dir;
    EmulatedCluster cluster;
    final PveSdnModule module = new PveSdnModule();

    @BeforeEach
    void setUp() throws Exception {
        cluster = new EmulatedCluster(dir);
    }

    public static Map<String, Object> guideFabric() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("fabric", Map.of("id", "tb4", "protocol", "openfabric", "ip_prefix", "10.100.0.0/24"));
        args.put("nodes", List.of(
                Map.of("node_id", "n2", "ip", "10.100.0.102", "interfaces", List.of("en05", "en06")),
                Map.of("node_id", "n3", "ip", "10.100.0.103", "interfaces", List.of("en05", "en06")),
                Map.of("node_id", "n4", "ip", "10.100.0.104", "interfaces", List.of("en05", "en06"))));
        return args;
    }

    @Test
    void firstRunCreatesAndAppliesSecondRunChangesNothing() throws Exception {
        Outcome first = cluster.run(module, "n2", guideFabric(), false);
        assertTrue(first.changed());
        assertEquals("fabric tb4", first.plan().diffs().get(0).subject());
        assertTrue(first.result().data().get("upid").toString().startsWith("UPID:n2:"));
        assertTrue(cluster.root.read("/etc/pve/sdn/fabrics.cfg").contains("openfabric_node: tb4_n3\n\tinterfaces name=en05\n"));
        assertTrue(cluster.root.read("/etc/network/interfaces.d/sdn").contains("auto dummy_tb4\niface dummy_tb4 inet static\n"
                + "\taddress 10.100.0.102/32\n"));
        assertTrue(cluster.root.read("/etc/frr/frr.conf").contains(" net 49.0001.0101.0000.0102.00\n"));

        Outcome second = cluster.run(module, "n2", guideFabric(), false);
        assertFalse(second.changed(), () -> "second run planned " + second.plan().changes());
    }

    @Test
    void checkModePredictsTheRunAndChangesNothing() throws Exception {
        Outcome check = cluster.run(module, "n2", guideFabric(), true);
        assertEquals(5, check.plan().changes().size(), "fabric, 3 nodes, apply");
        assertFalse(cluster.root.exists("/etc/pve/sdn/fabrics.cfg"));
        Outcome real = cluster.run(module, "n2", guideFabric(), false);
        assertEquals(check.plan().diffs().stream().map(Diff::subject).toList(), real.plan().diffs().stream().map(Diff::subject).toList());
    }

    @Test
    void changedInterfacesAreReplacedAndShownAsADiff() throws Exception {
        cluster.run(module, "n2", guideFabric(), false);
        Map<String, Object> args = guideFabric();
        args.put("nodes", List.of(
                Map.of("node_id", "n2", "ip", "10.100.0.102", "interfaces", List.of("en06", "en05")),
                Map.of("node_id", "n3", "ip", "10.100.0.103", "interfaces", List.of(Map.of("name", "en05", "hello_multiplier", 3), "en06")),
                Map.of("node_id", "n4", "ip", "10.100.0.104", "interfaces", List.of("en05", "en06"))));
        Outcome out = cluster.run(module, "n2", args, false);
        List<Diff> diffs = out.plan().diffs();
        assertEquals("node tb4/n3 interfaces", diffs.get(0).subject(), "interface order alone is no change");
        assertEquals("[name=en05, name=en06]", diffs.get(0).before());
        assertEquals("[name=en05,hello_multiplier=3, name=en06]", diffs.get(0).after());
        assertTrue(cluster.root.read("/etc/pve/sdn/fabrics.cfg").contains("interfaces name=en05,hello_multiplier=3"));
        assertFalse(cluster.run(module, "n2", args, false).changed());
    }

    @Test
    void nonCanonicalPrefixIsNormalisedBeforeComparing() throws Exception {
        cluster.run(module, "n2", guideFabric(), false);
        Map<String, Object> args = guideFabric();
        args.put("fabric", Map.of("id", "tb4", "ip_prefix", "10.100.0.7/24"));
        assertFalse(cluster.run(module, "n2", args, false).changed());
    }

    @Test
    void unlistedNodesAreRemovedOnlyWhenNodesAreGiven() throws Exception {
        cluster.run(module, "n2", guideFabric(), false);
        Map<String, Object> fabricOnly = new LinkedHashMap<>();
        fabricOnly.put("fabric", Map.of("id", "tb4", "ip_prefix", "10.100.0.0/24", "hello_interval", 3));
        Outcome out = cluster.run(module, "n2", fabricOnly, false);
        assertEquals(List.of("fabric tb4 hello_interval", "sdn pending changes"), out.plan().diffs().stream().map(Diff::subject).toList());
        Map<String, Object> two = guideFabric();
        two.put("nodes", List.of(Map.of("node_id", "n2", "ip", "10.100.0.102", "interfaces", List.of("en05", "en06"))));
        two.put("remove_cluster_members", true);
        Outcome removed = cluster.run(module, "n2", two, false);
        assertEquals(List.of("delete node tb4/n3", "delete node tb4/n4"), removed.plan().changes().stream().map(c -> c.summary()).limit(2).toList());
    }

    @Test
    void absentRemovesNodesThenFabric() throws Exception {
        cluster.run(module, "n2", guideFabric(), false);
        Map<String, Object> args = guideFabric();
        args.put("state", "absent");
        Outcome out = cluster.run(module, "n2", args, false);
        List<String> summaries = out.plan().changes().stream().map(c -> c.summary()).toList();
        assertEquals("delete fabric tb4", summaries.get(3));
        assertEquals("", cluster.root.read("/etc/pve/sdn/fabrics.cfg"));
    }

    @Test
    void aNodeWhoseNetworkReloadFailedFailsTheTaskNamingIt() throws Exception {
        cluster.root("n3").file("/var/lib/meshplay-lab/test-fail/ifreload", "error: en05: cmd '/bin/ip addr add' failed\n");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", guideFabric(), false));
        assertTrue(e.getMessage().contains("n3: its network reload UPID:n3:"), e.getMessage());
        assertTrue(e.getMessage().contains("command 'ifreload -a' failed"), e.getMessage());
        assertFalse(e.getMessage().contains("n2: ") || e.getMessage().contains("n4: "), e.getMessage());
    }

    @Test
    void everyNodesReloadIsReportedWhenTheApplyWorked() throws Exception {
        Outcome out = cluster.run(module, "n2", guideFabric(), false);
        assertEquals(Map.of("n2", "OK", "n3", "OK", "n4", "OK"), out.result().data().get("node_reloads"));
        assertTrue(cluster.root("n4").read("/etc/frr/frr.conf").contains("hostname n4\n"));
    }

    @Test
    void clusterMembersLeaveTheFabricOnlyWhenAskedExplicitly() throws Exception {
        cluster.run(module, "n2", guideFabric(), false);
        Map<String, Object> onlyN3 = guideFabric();
        onlyN3.put("nodes", List.of(Map.of("node_id", "n3", "ip", "10.100.0.103", "interfaces", List.of("en05", "en06"))));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n3", onlyN3, false));
        assertTrue(e.getMessage().startsWith("refusing to remove n2, n4 from fabric tb4"), e.getMessage());
        assertTrue(cluster.root.read("/etc/pve/sdn/fabrics.cfg").contains("openfabric_node: tb4_n2"));
        onlyN3.put("remove_cluster_members", true);
        Outcome out = cluster.run(module, "n3", onlyN3, false);
        assertTrue(out.changed());
        assertFalse(cluster.root.read("/etc/pve/sdn/fabrics.cfg").contains("openfabric_node: tb4_n2"));
    }

    @Test
    void badArgumentsFailBeforeAnythingChanges() {
        Map<String, Object> longId = guideFabric();
        longId.put("fabric", Map.of("id", "fabric-too-long", "ip_prefix", "10.100.0.0/24"));
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", longId, false)).getMessage().contains("1-8"));
        Map<String, Object> masked = guideFabric();
        masked.put("nodes", List.of(Map.of("node_id", "n2", "ip", "10.100.0.102/32")));
        assertTrue(assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", masked, false)).getMessage().contains("without /mask"));
        Map<String, Object> outside = guideFabric();
        outside.put("nodes", List.of(Map.of("node_id", "n2", "ip", "10.200.0.1")));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> cluster.run(module, "n2", outside, false));
        assertTrue(e.getMessage().contains("outside the IP prefix"), e.getMessage());
        assertFalse(cluster.root.exists("/etc/pve/sdn/.running-config"));
    }
}
