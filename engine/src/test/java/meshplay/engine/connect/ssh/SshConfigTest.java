package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.ssh/config aliases, default identities and ssh-agent, against a real sshd. */
class SshConfigTest {
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

    private static HostAddress bare(String name) {
        return new HostAddress(name, null, null, null, null, null, null, null);
    }

    @Test
    void configAliasSuppliesHostNamePortUserAndIdentity() throws Exception {
        SshEnvironment env = SshTesting.emptyEnvironment(tmp);
        Files.writeString(env.config(), """
                Host n2
                    HostName 127.0.0.1
                    Port %d
                    User %s
                    IdentityFile %s

                Host *
                    User nobody-else
                """.formatted(sshd.port(), SshdFixture.TEST_USER, sshd.clientKey()));
        SshTarget t = SshTarget.resolve(bare("n2"), env.config());
        assertEquals("127.0.0.1", t.hostname());
        assertEquals(sshd.port(), t.port());
        assertEquals(SshdFixture.TEST_USER, t.user());
        try (SshConnectionProvider p = new SshConnectionProvider(env)) {
            Connection c = p.open(bare("n2"), sshd.options());
            assertEquals(SshdFixture.TEST_USER + "\n", c.exec(ExecRequest.argv("id", "-un")).stdout());
        }
        // explicit inventory values win over the config
        SshTarget explicit = SshTarget.resolve(new HostAddress("n2", null, 2200, "root", null, null, null, Map.of()), env.config());
        assertEquals(2200, explicit.port());
        assertEquals("root", explicit.user());
        assertEquals("127.0.0.1", explicit.hostname());
    }

    @Test
    void proxyJumpFromTheConfigIsFollowed() throws Exception {
        SshEnvironment env = SshTesting.emptyEnvironment(tmp);
        Files.writeString(env.config(), """
                Host jumphost
                    HostName 127.0.0.1
                    Port %1$d
                    User %2$s
                    IdentityFile %3$s

                Host behind
                    HostName 127.0.0.1
                    Port %1$d
                    User %2$s
                    IdentityFile %3$s
                    ProxyJump jumphost
                """.formatted(sshd.port(), SshdFixture.TEST_USER, sshd.clientKey()));
        assertEquals("jumphost", SshTarget.resolve(bare("behind"), env.config()).proxyJump());
        try (SshConnectionProvider p = new SshConnectionProvider(env)) {
            Connection c = p.open(bare("behind"), sshd.options());
            // the session to "behind" runs through a channel of the jump host's session; both host
            // keys are checked against known_hosts under their real names (hops), not the tunnel's port
            assertEquals(SshdFixture.TEST_USER + "\n", c.exec(ExecRequest.argv("id", "-un")).stdout());
            assertEquals(List.of(new SshTarget.Hop("127.0.0.1", sshd.port()), new SshTarget.Hop("127.0.0.1", sshd.port())),
                    SshTarget.resolve(bare("behind"), env.config()).hops());
        }
    }

    @Test
    void defaultIdentityInTheSshDirectoryIsUsed() throws Exception {
        SshEnvironment env = SshTesting.emptyEnvironment(tmp);
        Files.copy(sshd.clientKey(), env.sshDir().resolve("id_ed25519"));
        HostAddress a = new HostAddress("n1", "127.0.0.1", sshd.port(), SshdFixture.TEST_USER, null, null, null, null);
        try (SshConnectionProvider p = new SshConnectionProvider(env)) {
            assertEquals(0, p.open(a, sshd.options()).exec(ExecRequest.argv("true")).rc());
        }
    }

    @Test
    void sshAgentKeysAreUsed() throws Exception {
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("agent.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) Thread.sleep(20);
            ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process ap = add.start();
            ap.getInputStream().readAllBytes();
            assertEquals(0, ap.waitFor());
            SshEnvironment env = SshEnvironment.of(Files.createDirectories(tmp.resolve("home/.ssh")), Map.of("SSH_AUTH_SOCK", sock.toString()));
            HostAddress a = new HostAddress("n1", "127.0.0.1", sshd.port(), SshdFixture.TEST_USER, null, null, null, null);
            try (SshConnectionProvider p = new SshConnectionProvider(env)) {
                assertEquals(0, p.open(a, sshd.options()).exec(ExecRequest.argv("true")).rc());
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void noCredentialsAtAllSaysWhatWasLookedFor() throws Exception {
        SshEnvironment env = SshTesting.emptyEnvironment(tmp);
        HostAddress a = new HostAddress("n1", "127.0.0.1", sshd.port(), SshdFixture.TEST_USER, null, null, null, null);
        try (SshConnectionProvider p = new SshConnectionProvider(env)) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> p.open(a, sshd.options()).exec(ExecRequest.argv("true")));
            assertTrue(e.getMessage().contains("no key or password was available"), e.getMessage());
            assertTrue(e.getMessage().contains("id_ed25519"), e.getMessage());
        }
    }
}
