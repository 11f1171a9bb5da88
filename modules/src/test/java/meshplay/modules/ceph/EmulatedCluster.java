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
 * The guide's 3-node cluster (n2, n3, n4) on a temporary root, driven by the real lab emulators
 * (lab/emulators: pvesh, pveceph, ceph, ceph-volume, pvesm) put first on PATH.
 */
final class EmulatedCluster {
    static final Path EMULATORS = Path.of("..", "lab", "emulators").toAbsolutePath().normalize();
    final TempRoot root;

    EmulatedCluster(Path dir) throws IOException {
        root = new TempRoot(dir);
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
        root.file("/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n");
        root.file("/etc/frr/daemons", "zebra=yes\nfabricd=no\nospfd=no\n");
        for (String disk : List.of("/dev/nvme0n1", "/dev/nvme1n1")) {
            Files.createDirectories(root.path(disk).getParent());
            try (RandomAccessFile f = new RandomAccessFile(root.path(disk).toFile(), "rw")) {
                f.setLength(64L << 20);
            }
        }
    }

    /** A connection to node `name`: emulators first on PATH, the node name and the temp root in the environment. */
    LocalConnection node(String name) {
        return new LocalConnection(name, root.root(), List.of(EMULATORS),
                Map.of("MESHPLAY_TEST_ROOT", root.root().toString(), "MESHPLAY_LAB_NODE", name));
    }

    ExecResult sh(String node, String... argv) throws Exception {
        return node(node).exec(ExecRequest.argv(argv));
    }

    /** Runs a setup command and insists that it worked. */
    String ok(String node, String... argv) throws Exception {
        ExecResult r = sh(node, argv);
        assertEquals(0, r.rc(), String.join(" ", argv) + ": " + r.stderr());
        return r.stdout();
    }

    ModuleHarness.Outcome run(Module module, String node, Map<String, Object> args, boolean check) throws Exception {
        return ModuleHarness.run(module, args, node(node), check);
    }

    /** Ceph installed on every node, initialised, with the first monitor on n2. */
    EmulatedCluster withCeph() throws Exception {
        for (String n : List.of("n2", "n3", "n4")) ok(n, "pveceph", "install", "--repository", "test", "--version", "squid");
        ok("n2", "pveceph", "init", "--network", "10.1.1.0/24", "--cluster-network", "10.100.0.0/24");
        ok("n2", "pveceph", "mon", "create");
        return this;
    }
}
