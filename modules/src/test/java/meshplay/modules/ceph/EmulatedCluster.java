package meshplay.modules.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.testing.TempRoot;

/**
 * The guide's 3-node cluster (n2, n3, n4) on temporary roots, driven by the real lab emulators
 * (lab/emulators: pvesh, pveceph, ceph, ceph-volume, pvesm) put first on PATH. Each node has its own
 * root; /etc/pve in each is a link to one shared directory, as pmxcfs shares it, and a stand-in
 * lab-node-exec lets the SDN apply reach every node.
 */
public final class EmulatedCluster {
    static final Path EMULATORS = Path.of("..", "lab", "emulators").toAbsolutePath().normalize();
    public static final List<String> NODES = List.of("n2", "n3", "n4");
    /** n2's root, where most tests look. */
    public final TempRoot root;
    private final Map<String, TempRoot> roots = new java.util.LinkedHashMap<>();
    private final Path nodeExec;

    public EmulatedCluster(Path dir) throws IOException {
        Path pve = Files.createDirectories(dir.resolve("pve"));
        for (String n : NODES) {
            TempRoot r = new TempRoot(dir.resolve(n));
            Files.createDirectories(r.path("/etc"));
            Files.createSymbolicLink(r.path("/etc/pve"), pve);
            r.file("/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n");
            r.file("/etc/frr/daemons", "zebra=yes\nfabricd=no\nospfd=no\n");
            for (String disk : List.of("/dev/nvme0n1", "/dev/nvme1n1")) {
                Files.createDirectories(r.path(disk).getParent());
                try (RandomAccessFile f = new RandomAccessFile(r.path(disk).toFile(), "rw")) {
                    f.setLength(64L << 20);
                }
            }
            roots.put(n, r);
        }
        root = roots.get("n2");
        // what lab-node-exec is in the lab: runs a command "inside" another node (here: with its root)
        nodeExec = dir.resolve("lab-node-exec");
        Files.writeString(nodeExec, "#!/bin/sh\nnode=$1; shift\nMESHPLAY_TEST_ROOT=" + dir + "/$node/root MESHPLAY_LAB_NODE=$node exec \"$@\"\n");
        nodeExec.toFile().setExecutable(true);
        root.file("/etc/pve/.lab/cluster.json", """
                {"cluster_name": "tb4lab", "nodes": [
                 {"name": "n2", "nodeid": 1, "ip": "10.11.11.12", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]},
                 {"name": "n3", "nodeid": 2, "ip": "10.11.11.13", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]},
                 {"name": "n4", "nodeid": 3, "ip": "10.11.11.14", "disks": ["/dev/nvme0n1", "/dev/nvme1n1"]}]}
                """);
        root.file("/etc/pve/.lab/addresses.json", """
                {"n2": ["10.1.1.12/24", "10.100.0.102/32"], "n3": ["10.1.1.13/24", "10.100.0.103/32"],
                 "n4": ["10.1.1.14/24", "10.100.0.104/32"]}
                """);
    }

    public TempRoot root(String node) {
        return roots.get(node);
    }

    /** A connection to node `name`: emulators first on PATH, the node name and the temp root in the environment. */
    public LocalConnection node(String name) {
        Path r = roots.get(name).root();
        return new LocalConnection(name, r, List.of(EMULATORS), Map.of("MESHPLAY_TEST_ROOT", r.toString(), "MESHPLAY_LAB_NODE", name,
                "MESHPLAY_LAB_NODE_EXEC", nodeExec.toString()));
    }

    public ExecResult sh(String node, String... argv) throws Exception {
        return node(node).exec(ExecRequest.argv(argv));
    }

    /** Runs a setup command and insists that it worked. */
    public String ok(String node, String... argv) throws Exception {
        ExecResult r = sh(node, argv);
        assertEquals(0, r.rc(), String.join(" ", argv) + ": " + r.stderr());
        return r.stdout();
    }

    public ModuleHarness.Outcome run(Module module, String node, Map<String, Object> args, boolean check) throws Exception {
        return ModuleHarness.run(module, args, node(node), check);
    }

    /** Ceph installed on every node, initialised, with the first monitor on n2. */
    public EmulatedCluster withCeph() throws Exception {
        for (String n : List.of("n2", "n3", "n4")) ok(n, "pveceph", "install", "--repository", "test", "--version", "squid");
        ok("n2", "pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.100.0.0/24");
        ok("n2", "pveceph", "mon", "create");
        return this;
    }
}
