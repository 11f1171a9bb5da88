package meshplay.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConnectionProviderRegistrationTest {
    @Test
    void localAndSshProvidersAreFoundByType() throws Exception {
        Map<String, ConnectionProvider> byType = new TreeMap<>();
        for (ConnectionProvider p : ServiceLoader.load(ConnectionProvider.class)) byType.put(p.type(), p);
        assertEquals(java.util.Set.of("local", "ssh"), byType.keySet());
        try (ConnectionProvider local = byType.get("local")) {
            Connection c = local.open(new HostAddress("localhost", null, null, null, null, null, null, null), ConnectionOptions.defaults());
            assertEquals("localhost", c.host());
            assertTrue(c.exec(ExecRequest.argv("true")).ok());
        }
        byType.get("ssh").close(); // never started: closing is harmless
    }
}
