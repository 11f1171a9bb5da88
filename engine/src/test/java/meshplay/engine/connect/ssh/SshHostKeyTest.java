package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict host key checking, accept-new, and authentication failures against a real sshd. */
class SshHostKeyTest {
    @TempDir
    static Path shared;
    static SshdFixture sshd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        sshd = SshdFixture.start(shared.resolve("sshd"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) sshd.close();
    }

    private ConnectionOptions options(Path knownHosts, boolean acceptNew) {
        return new ConnectionOptions(List.of(knownHosts), acceptNew, Duration.ofSeconds(10), null, null, null);
    }

    private ConnectionException refused(HostAddress address, ConnectionOptions options) throws Exception {
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(address, options);
            return assertThrows(ConnectionException.class, () -> c.exec(ExecRequest.argv("true")));
        }
    }

    @Test
    void unknownHostIsRefusedWithTheWayToAcceptIt() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        ConnectionException e = refused(sshd.address("n1", SshdFixture.TEST_USER), options(kh, false));
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("--accept-new-host-keys"), e.getMessage());
        assertTrue(e.getMessage().contains("[127.0.0.1]:" + sshd.port()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        assertTrue(!Files.exists(kh) || Files.readString(kh).isEmpty(), "nothing is recorded without the flag");
    }

    @Test
    void acceptNewRecordsTheKeyAndIsStrictAfterwards() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(sshd.address("n1", SshdFixture.TEST_USER), options(kh, true));
            assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
        }
        String recorded = Files.readString(kh);
        String[] hostKey = sshd.hostPublicKey().split(" ");
        assertEquals("[127.0.0.1]:" + sshd.port() + " " + hostKey[0] + " " + hostKey[1] + "\n", recorded);
        // strict now, even without the flag
        try (SshConnectionProvider p = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = p.open(sshd.address("n1", SshdFixture.TEST_USER), options(kh, false));
            assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
        }
        // and a different key for the same host is refused even with the flag
        Files.writeString(kh, "[127.0.0.1]:" + sshd.port() + " " + otherKey() + "\n");
        ConnectionException e = refused(sshd.address("n1", SshdFixture.TEST_USER), options(kh, true));
        assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
    }

    @Test
    void changedKeyIsRefusedNamingFileLineAndTheFix() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, "# comment\nother.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHh2Z9QTKXw2nOv5vCp3Fz3w7Tbl7d7mJrpl1cS2QmNk\n"
                + "[127.0.0.1]:" + sshd.port() + " " + otherKey() + "\n");
        ConnectionException e = refused(sshd.address("n1", SshdFixture.TEST_USER), options(kh, false));
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains(kh + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keygen -f '" + kh + "' -R '[127.0.0.1]:" + sshd.port() + "'"), e.getMessage());
    }

    @Test
    void hashedKnownHostsEntriesAreHonoured() throws Exception {
        Path kh = tmp.resolve("known_hosts");
        Files.copy(sshd.knownHosts(), kh);
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", kh.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(kh).startsWith("|1|"), "ssh-keygen -H hashed the entry");
        try (SshConnectionProvider prov = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            Connection c = prov.open(sshd.address("n1", SshdFixture.TEST_USER), options(kh, false));
            assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
        }
    }

    @Test
    void badUserKeyFailureNamesUserAndKey() throws Exception {
        Path key = tmp.resolve("stranger_key");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        HostAddress a = new HostAddress("n1", "127.0.0.1", sshd.port(), SshdFixture.TEST_USER, key, null, null, null);
        ConnectionException e = refused(a, sshd.options());
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("'" + SshdFixture.TEST_USER + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ecdsa"), e.getMessage());
    }

    @Test
    void encryptedRsaPemKeyNeedsItsPassphrase() throws Exception {
        Path key = tmp.resolve("rsa_pem");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "s3cret", "-f", key.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        sshd.authorize(Files.readString(Path.of(key + ".pub")));
        HostAddress a = new HostAddress("n1", "127.0.0.1", sshd.port(), SshdFixture.TEST_USER, key, null, null, null);
        ConnectionException e = refused(a, sshd.options());
        assertTrue(e.getMessage().contains("MESHPLAY_KEY_PASSPHRASE"), e.getMessage());
        ConnectionOptions withPass = new ConnectionOptions(List.of(sshd.knownHosts()), false, Duration.ofSeconds(10), null, null, "s3cret");
        try (SshConnectionProvider prov = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp))) {
            assertEquals("ok\n", prov.open(a, withPass).exec(ExecRequest.shell("echo ok")).stdout());
        }
    }

    @Test
    void refusedPortIsUnreachableWithTheReason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HostAddress a = new HostAddress("gone", "127.0.0.1", closedPort, SshdFixture.TEST_USER, sshd.clientKey(), null, null, null);
        ConnectionException e = refused(a, sshd.options());
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    /** A valid ed25519 public key that is not the server's. */
    private String otherKey() throws Exception {
        Path k = tmp.resolve("other_host_key");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        String[] parts = Files.readString(Path.of(k + ".pub")).trim().split(" ");
        return parts[0] + " " + parts[1];
    }
}
