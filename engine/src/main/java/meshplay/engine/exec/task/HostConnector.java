package meshplay.engine.exec.task;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.lang.Truth;
import meshplay.engine.exec.RunContext;
import meshplay.engine.template.Templar;

/** Turns a host's variables into its connection: type from ansible_connection (or -c), address from ansible_*. */
final class HostConnector {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1");
    /** Connection variables that are booleans: handed to the connection as Boolean. */
    private static final Set<String> BOOLEAN_VARS = Set.of("ansible_host_key_checking", "ansible_ssh_host_key_checking");
    private final RunContext run;

    HostConnector(RunContext run) {
        this.run = run;
    }

    /**
     * {@code keywordConnection}/{@code keywordUser}: the play/block/task keywords connection and
     * remote_user; as in Ansible, the host's ansible_connection/ansible_user variables win over them.
     */
    Connection connect(String host, Map<String, Object> vars, String keywordConnection, String keywordUser) throws ConnectionException {
        Templar t = run.templar;
        String type = str(t, vars, "ansible_connection");
        if (type == null) type = keywordConnection;
        if (type == null) type = run.options.connection;
        // as Ansible: only the implicit localhost (not in the inventory) is local without being told
        if (type == null) type = LOCAL_NAMES.contains(host) && !run.inventory.hosts().contains(host) ? "local" : "ssh";
        String hostname = str(t, vars, "ansible_host");
        String port = str(t, vars, "ansible_port");
        String user = str(t, vars, "ansible_user");
        if (user == null) user = keywordUser;
        String key = str(t, vars, "ansible_ssh_private_key_file");
        if (key == null) key = str(t, vars, "ansible_private_key_file");
        if (key == null && run.options.privateKeyFile != null) key = run.options.privateKeyFile.toString();
        String password = str(t, vars, "ansible_password");
        if (password == null) password = str(t, vars, "ansible_ssh_pass");
        if (password == null) password = run.options.connectionOptions.askedPassword();
        Map<String, Object> connVars = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            if (e.getKey().startsWith("ansible_") && !e.getKey().equals("ansible_facts") && !e.getKey().contains("pass")) {
                Object v = e.getValue();
                Object value = v instanceof meshplay.engine.yaml.YNode ? t.render(v, vars) : v;
                if (BOOLEAN_VARS.contains(e.getKey()) && value != null) value = bool(host, e.getKey(), value);
                connVars.put(e.getKey(), value);
            }
        }
        Integer portNumber;
        try {
            portNumber = port == null ? null : Integer.valueOf(port.trim());
        } catch (NumberFormatException e) {
            throw new ConnectionException("ansible_port of " + host + " is not a number: " + port, true, e);
        }
        HostAddress address = new HostAddress(host, hostname == null ? host : hostname, portNumber,
                user == null ? run.options.remoteUser : user, key == null ? null : Path.of(key), password,
                run.options.connectionOptions.connectTimeout(), connVars);
        return run.connections.get(host, type, address);
    }

    private static Boolean bool(String host, String name, Object value) throws ConnectionException {
        try {
            return Truth.toBool(value);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(name + " of " + host + ": " + e.getMessage(), true, e);
        }
    }

    private static String str(Templar t, Map<String, Object> vars, String name) {
        Object v = vars.get(name);
        if (v == null) return null;
        Object r = t.render(v, vars);
        return r == null ? null : String.valueOf(r);
    }
}
