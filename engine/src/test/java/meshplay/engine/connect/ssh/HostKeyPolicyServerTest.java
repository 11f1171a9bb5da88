package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.connect.SshArgDefaults;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host key policy from ssh arguments and host_key_checking against an embedded server that takes
 * a password (runs without root): known_hosts named by UserKnownHostsFile, accept-new recording, and
 * StrictHostKeyChecking=no letting a changed key through with a warning but without the password.
 */
class HostKeyPolicyServerTest {
    @TempDir
    Path tmp;
    SshServer server;
    String hostKeyLine;

    @BeforeEach
    void start() throws Exception {
        server = SshTesting.passwordServer(tmp);
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.start();
        KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
        hostKeyLine = "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
    }

    private HostAddress host(Map<String, Object> vars) {
        return new HostAddress("e1", "127.0.0.1", server.getPort(), "tester", null, "secret", null, vars);
    }

    private String run(HostAddress a, ConnectionOptions o) throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            return p.open(a, o).exec(ExecRequest.shell("echo ok")).stdout();
        }
    }

    private ConnectionException refused(HostAddress a, ConnectionOptions o) throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            return assertThrows(ConnectionException.class, () -> p.open(a, o).exec(ExecRequest.argv("true")));
        }
    }

    private String otherKeyLine() throws Exception {
        // a second generated key of the server's own type
        KeyPair other = new SimpleGeneratorHostKeyProvider(tmp.resolve("other.ser")).loadKeys(null).iterator().next();
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(other.getPublic()) + "\n";
    }

    @Test
    void knownHostsFileFromCommonArgsIsUsedWithoutCommandLineOptions() throws Exception {
        Path kh = Files.writeString(tmp.resolve("lab_known_hosts"), hostKeyLine);
        HostAddress a = host(Map.of("ansible_ssh_common_args", "-o UserKnownHostsFile=" + kh + " -o StrictHostKeyChecking=yes"));
        assertEquals("ok\n", run(a, ConnectionOptions.defaults()));
        // without it, ~/.ssh/known_hosts (empty here) is checked, strictly
        ConnectionException e = refused(host(Map.of()), ConnectionOptions.defaults());
        assertTrue(e.getMessage().contains("is unknown") && e.getMessage().contains("UserKnownHostsFile"), e.getMessage());
    }

    @Test
    void acceptNewFromExtraArgsRecordsInTheNamedFile() throws Exception {
        Path kh = tmp.resolve("new/known_hosts");
        HostAddress a = host(Map.of("ansible_ssh_extra_args", "-o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=" + kh));
        assertEquals("ok\n", run(a, ConnectionOptions.defaults()));
        assertEquals(hostKeyLine, Files.readString(kh));
        Files.writeString(kh, otherKeyLine());
        assertTrue(refused(a, ConnectionOptions.defaults()).getMessage().contains("HOST KEY CHANGED"));
    }

    @Test
    void hostKeyCheckingOffRecordsUnknownKeys() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        ConnectionOptions off = ConnectionOptions.defaults().withSsh(new SshArgDefaults(false, null, "-o UserKnownHostsFile=" + kh, null));
        assertEquals("ok\n", run(host(Map.of()), off));
        assertEquals(hostKeyLine, Files.readString(kh));
    }

    @Test
    void changedKeyWithCheckingOffConnectsWithAWarningButNeverSendsThePassword() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        String old = otherKeyLine();
        Files.writeString(kh, old);
        List<String> warnings = new CopyOnWriteArrayList<>();
        ConnectionOptions off = new ConnectionOptions(List.of(kh), false, Duration.ofSeconds(5), null, null, null,
                new SshArgDefaults(false, null, null, null), warnings::add);
        ConnectionException e = refused(host(Map.of()), off);
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("authentication failed"), "the key check passed, the password was held back: " + e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(kh + ":1") && warnings.get(0).contains("password login disabled"), warnings.get(0));
        assertEquals(old, Files.readString(kh), "the known key is kept, as ssh keeps it");
        // strict (the default) refuses the same key before any login
        ConnectionOptions strict = new ConnectionOptions(List.of(kh), false, Duration.ofSeconds(5), null, null, null);
        assertTrue(refused(host(Map.of()), strict).getMessage().contains("HOST KEY CHANGED"));
    }
}
