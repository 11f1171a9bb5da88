package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import meshplay.engine.yaml.YNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inventories/lab names the known_hosts file `lab up` writes, so a run needs no --known-hosts. */
class LabInventoryHostKeyTest {
    @TempDir
    Path tmp;

    @Test
    void labNodesAreCheckedStrictlyAgainstTheLabsKnownHosts() {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Inventory inv = InventoryLoader.load(List.of(repo.resolve("inventories/lab").toString()), null);
        for (String node : List.of("n2", "n3", "n4")) {
            Map<String, Object> vars = inv.hostVars(node);
            HostAddress a = new HostAddress(node, "127.0.0.1", 2222, "root", null, null, null,
                    Map.of("ansible_ssh_common_args", ((YNode) vars.get("ansible_ssh_common_args")).toJava()));
            HostKeyPolicy p = HostKeyPolicy.of(a, ConnectionOptions.defaults(), SshEnvironment.of(tmp.resolve(".ssh"), Map.of()));
            assertEquals(HostKeyPolicy.Mode.STRICT, p.mode(), node);
            // relative to the working directory, as the key path beside it: run meshplay from the repository root
            assertEquals(List.of(Path.of("lab/.state/known_hosts").toAbsolutePath()), p.knownHostsFiles(), node);
        }
    }
}
