package meshplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.connect.LocalConnection;
import org.junit.jupiter.api.Test;

/** The play keywords connection and remote_user choose the transport, and host variables win over them. */
class ConnectionKeywordsTest {
    private final Fixture f = new Fixture();
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    private ConnectionProvider recording(String type) {
        return new ConnectionProvider() {
            public String type() {
                return type;
            }

            public Connection open(HostAddress address, ConnectionOptions options) {
                opened.put(address.inventoryName(), type + ":" + address.user());
                return new LocalConnection(address.inventoryName());
            }
        };
    }

    @Test
    void keywordsApplyWhereTheHostSaysNothingAndHostVariablesWin() {
        f.providers.put("viaKeyword", recording("viaKeyword"));
        f.providers.put("viaHostVar", recording("viaHostVar"));
        f.inventory.host("plain", Y.map(), "web");
        f.inventory.host("pinned", Y.map("ansible_connection", "viaHostVar", "ansible_user", "bob"), "web");
        f.run(Y.play("web", List.of(Y.task("probe", "probe", Y.map("name", "probe"))), List.of(), "connection", "viaKeyword", "remote_user", "alice"));
        assertEquals("viaKeyword:alice", opened.get("plain"));
        assertEquals("viaHostVar:bob", opened.get("pinned"));
    }
}
