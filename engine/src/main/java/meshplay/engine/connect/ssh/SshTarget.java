package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.connect.HostAddress;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * Where and as whom one host is reached: the inventory's values first (ansible_host, ansible_port,
 * ansible_user, ansible_ssh_private_key_file), then the matching ~/.ssh/config blocks (HostName, Port,
 * User, IdentityFile, ProxyJump; first value wins, as in OpenSSH), then the defaults.
 */
record SshTarget(String alias, String hostname, int port, String user, Path explicitKey, List<Path> configKeys,
                 String proxyJump, List<Hop> jumps) {

    /** One host on the way: where its host key is looked up in known_hosts. */
    record Hop(String host, int port) {
    }

    /** The ProxyJump hosts in order, then the target itself. */
    List<Hop> hops() {
        List<Hop> all = new ArrayList<>(jumps);
        all.add(new Hop(hostname, port));
        return all;
    }

    static SshTarget resolve(HostAddress address, Path sshConfig) throws IOException {
        List<HostConfigEntry> entries = sshConfig != null && Files.isRegularFile(sshConfig)
                ? HostConfigEntry.readHostConfigEntries(sshConfig) : List.of();
        return resolve(address, sshConfig, entries);
    }

    private static SshTarget resolve(HostAddress address, Path sshConfig, List<HostConfigEntry> entries) throws IOException {
        String alias = address.hostname() != null && !address.hostname().isBlank() ? address.hostname() : address.inventoryName();
        String hostName = null;
        int port = 0;
        String user = null;
        String jump = null;
        List<Path> keys = new ArrayList<>();
        if (!entries.isEmpty()) {
            for (HostConfigEntry e : HostConfigEntry.findMatchingEntries(alias, entries)) {
                if (hostName == null && e.getHostName() != null) hostName = e.getHostName().replace("%h", alias);
                if (port <= 0 && e.getPort() > 0) port = e.getPort();
                if (user == null && e.getUsername() != null) user = e.getUsername();
                if (jump == null && e.getProxyJump() != null && !"none".equalsIgnoreCase(e.getProxyJump())) jump = e.getProxyJump();
                if (e.getIdentities() != null) {
                    for (String id : e.getIdentities()) keys.add(expandHome(id, sshConfig.getParent()));
                }
            }
        }
        String finalHost = hostName != null ? hostName : alias;
        int finalPort = address.port() != null ? address.port() : port > 0 ? port : 22;
        String finalUser = address.user() != null && !address.user().isBlank() ? address.user()
                : user != null ? user : System.getProperty("user.name");
        Path explicit = address.privateKeyFile() == null ? null : expandHome(address.privateKeyFile().toString(), sshConfig == null ? null : sshConfig.getParent());
        List<Hop> jumps = new ArrayList<>();
        if (jump != null) {
            // each hop is [user@]host[:port], its host name and port resolved through the same config
            for (String spec : jump.split(",")) {
                String h = spec.trim();
                if (h.contains("@")) h = h.substring(h.indexOf('@') + 1);
                Integer p = null;
                int colon = h.lastIndexOf(':');
                if (colon > 0 && !h.endsWith("]")) {
                    p = Integer.valueOf(h.substring(colon + 1));
                    h = h.substring(0, colon);
                }
                SshTarget hop = resolve(new HostAddress(h, h, p, "-", null, null, null, null), sshConfig, entries);
                jumps.add(new Hop(hop.hostname(), hop.port()));
            }
        }
        return new SshTarget(alias, finalHost, finalPort, finalUser, explicit, List.copyOf(keys), jump, List.copyOf(jumps));
    }

    /** "~/" means the user's home: the parent of the ssh directory (so tests can use a temp home). */
    private static Path expandHome(String path, Path sshDir) {
        if (path.startsWith("~/")) {
            Path home = sshDir != null && sshDir.getParent() != null ? sshDir.getParent() : Path.of(System.getProperty("user.home"));
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** user@host:port as shown in messages. */
    String describe() {
        return user + "@" + hostname + ":" + port + (alias.equals(hostname) ? "" : " (" + alias + ")");
    }
}
