package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.HostAddress;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against MINA's embedded SshServer, where no real sshd is needed: password authentication and a
 * server that drops sessions (fault injection). Runs anywhere, also without root.
 */
class EmbeddedServerTest {
    @TempDir
    Path tmp;
    SshServer server;
    ConnectionOptions options;

    @BeforeEach
    void start() throws Exception {
        server = SshTesting.passwordServer(tmp);
        // a fake sudo first on PATH: it wants the password "pw-123" on stdin unless bin/nopasswd exists
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("sudo"), """
                #!/bin/sh
                printf "%s\\n" "$*" >> "$(dirname "$0")/sudo.log"
                need=yes; [ -e "$(dirname "$0")/nopasswd" ] && need=no
                case "$1" in
                  -n) if [ $need = yes ]; then echo "sudo: a password is required" >&2; exit 1; fi ;;
                  -S) if [ $need = yes ]; then IFS= read -r pw; [ "$pw" = pw-123 ] || { echo "Sorry, try again." >&2; exit 1; }; fi ;;
                esac
                while [ "$1" != "--" ]; do shift; done; shift
                exec "$@"
                """);
        Files.setPosixFilePermissions(bin.resolve("sudo"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        server.setCommandFactory((channel, command) -> {
            String withPath = "PATH=" + bin + ":$PATH; " + command;
            return new ProcessShellFactory(withPath, "/bin/sh", "-c", withPath).createShell(channel);
        });
        server.start();
        KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        options = new ConnectionOptions(List.of(kh), false, Duration.ofSeconds(5), null, null, null);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
    }

    private HostAddress address(String password) {
        return new HostAddress("e1", "127.0.0.1", server.getPort(), "tester", null, password, null, null);
    }

    @Test
    void passwordAuthentication() throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            assertEquals("hi\n", p.open(address("secret"), options).exec(ExecRequest.shell("echo hi")).stdout());
            ConnectionException e = assertThrows(ConnectionException.class, () -> p.open(address("wrong"), options).exec(ExecRequest.argv("true")));
            assertTrue(e.unreachable());
            assertTrue(e.getMessage().contains("'tester'") && e.getMessage().contains("password"), e.getMessage());
            assertTrue(!e.getMessage().contains("wrong"), "the password never appears in messages");
        }
    }

    @Test
    void askedPasswordFromTheCommandLineIsUsed() throws Exception {
        ConnectionOptions asked = new ConnectionOptions(options.knownHostsFiles(), false, Duration.ofSeconds(5), "secret", null, null);
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            assertEquals(0, p.open(address(null), asked).exec(ExecRequest.argv("true")).rc());
        }
    }

    @Test
    void becomePasswordGoesToSudoOnStdinOnlyWhenSudoAsksForIt() throws Exception {
        Path bin = tmp.resolve("bin");
        meshplay.engine.connect.Become root = new meshplay.engine.connect.Become("root", "sudo", "pw-123");
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), options);
            // sudo wants a password: it reads the first line, the command gets the rest
            assertEquals("data", c.exec(ExecRequest.argv("cat").withStdin("data").withBecome(root)).stdout());
        }
        Files.createFile(bin.resolve("nopasswd"));
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), options);
            // NOPASSWD: sending the password would hand it to the command; it must get only its input
            assertEquals("data", c.exec(ExecRequest.argv("cat").withStdin("data").withBecome(root)).stdout());
        }
        String log = Files.readString(bin.resolve("sudo.log"));
        assertTrue(log.contains("-S -p  -H -u root -- cat"), log);
        assertTrue(log.contains("-n -H -u root -- cat"), log);
        assertTrue(!log.contains("pw-123"), "the password is never on a command line");
    }

    @Test
    void askedBecomePasswordIsUsedWhenTheTaskHasNone() throws Exception {
        ConnectionOptions asked = new ConnectionOptions(options.knownHostsFiles(), false, Duration.ofSeconds(5), null, "pw-123", null);
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), asked);
            ExecResult r = c.exec(ExecRequest.argv("echo", "ok").withBecome(new meshplay.engine.connect.Become("root", null, null)));
            assertEquals("ok\n", r.stdout(), r.stderr());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsUnreachable() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
             SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            HostAddress a = new HostAddress("mute", "127.0.0.1", silent.getLocalPort(), "tester", null, "secret", Duration.ofMillis(800), null);
            ConnectionException e = assertThrows(ConnectionException.class, () -> p.open(a, options).exec(ExecRequest.argv("true")));
            assertTrue(e.unreachable());
            assertTrue(e.getMessage().contains("800 ms"), e.getMessage());
        }
    }

    @Test
    void aSessionDroppedBetweenCallsIsReopenedOnceTransparently() throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), options);
            assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
            assertEquals(1, p.connectionsOpened());
            for (AbstractSession s : server.getActiveSessions()) s.close(true).await(Duration.ofSeconds(5));
            // give the client a moment to see the close, as between two tasks
            Thread.sleep(200);
            assertEquals("again\n", c.exec(ExecRequest.shell("echo again")).stdout());
            assertEquals(2, p.connectionsOpened());
        }
    }

    @Test
    void maxSessionsComesFromTheHostVariables() throws Exception {
        HostAddress bad = new HostAddress("e1", "127.0.0.1", server.getPort(), "tester", null, "secret", null,
                java.util.Map.of("ansible_ssh_max_sessions", "lots"));
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> p.open(bad, options));
            assertTrue(e.getMessage().contains("ansible_ssh_max_sessions"), e.getMessage());
        }
        assertEquals(3, SshHost.maxSessions(new HostAddress("e1", null, null, null, null, null, null, java.util.Map.of("ansible_ssh_max_sessions", 3))));
        assertEquals(2, SshHost.maxSessions(new HostAddress("e1", null, null, null, null, null, null, java.util.Map.of("ansible_ssh_max_sessions", "1"))),
                "at least 2: the SFTP channel stays open beside the commands");
        assertEquals(10, SshHost.maxSessions(new HostAddress("e1", null, null, null, null, null, null, null)));
    }

    @Test
    void aServerWithoutSftpGetsFileOperationsThroughShellCommands() throws Exception {
        // this embedded server has no SFTP subsystem
        Path dir = tmp.resolve("files");
        String file = dir.resolve("sub/f.txt").toString();
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), options);
            c.files().write(file, "via shell".getBytes(), meshplay.engine.connect.WriteOptions.mode(0640));
            assertEquals("via shell", Files.readString(Path.of(file)));
            assertEquals(0640, (Integer) Files.getAttribute(Path.of(file), "unix:mode") & 07777);
            assertEquals("via shell", new String(c.files().read(file).orElseThrow()));
            assertEquals("file", c.files().stat(file, true).type());
            c.files().remove(dir.toString(), true);
            assertTrue(!Files.exists(dir));
            // commands still run beside the failed SFTP attempt
            assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
        }
    }

    @Test
    void lazyOpenDoesNotConnectUntilFirstUse() throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address("secret"), options);
            assertEquals(0, p.connectionsOpened());
            assertEquals(0, server.getActiveSessions().size());
            c.exec(ExecRequest.argv("true"));
            assertEquals(1, p.connectionsOpened());
        }
    }
}
