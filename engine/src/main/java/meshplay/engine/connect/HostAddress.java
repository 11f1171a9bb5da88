package meshplay.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a connection needs to know about a host, taken from its variables (ansible_host, ansible_port,
 * ansible_user, ansible_ssh_private_key_file, ansible_password, ...) and the run options. The caller
 * hands {@code vars} over rendered: plain text, numbers and booleans, never YAML nodes or templates.
 */
public record HostAddress(String inventoryName, String hostname, Integer port, String user,
                          Path privateKeyFile, String password, Duration connectTimeout,
                          Map<String, Object> vars) {
    public HostAddress {
        vars = vars == null ? Map.of() : vars;
    }

    @Override
    public String toString() {
        return "HostAddress[" + inventoryName + " -> " + (user == null ? "" : user + "@") + hostname
                + (port == null ? "" : ":" + port) + "]";
    }
}
