package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.connect.WriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The basic checks against an sshd in a container; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class DockerSshdTest {
    @TempDir
    static Path tmp;
    static Path key;

    @Container
    static final GenericContainer<?> SSHD = new GenericContainer<>(DockerImageName.parse("linuxserver/openssh-server:latest"))
            .withEnv("USER_NAME", "tester")
            .withEnv("PUBLIC_KEY", publicKey())
            .withExposedPorts(2222)
            .waitingFor(Wait.forListeningPort());

    static Connection conn;

    private static String publicKey() {
        try {
            Path dir = Files.createTempDirectory("meshplay-docker-key");
            key = dir.resolve("id_ed25519");
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return Files.readString(Path.of(key + ".pub")).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void connect() throws Exception {
        String hostKey = "";
        for (int i = 0; i < 50 && hostKey.isBlank(); i++) {
            hostKey = SSHD.execInContainer("sh", "-c", "cat /config/ssh_host_keys/ssh_host_ed25519_key.pub 2>/dev/null").getStdout().trim();
            if (hostKey.isBlank()) Thread.sleep(200);
        }
        String[] parts = hostKey.split(" ");
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, "[" + SSHD.getHost() + "]:" + SSHD.getMappedPort(2222) + " " + parts[0] + " " + parts[1] + "\n");
        SshConnectionProvider provider = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp));
        conn = provider.open(new HostAddress("docker1", SSHD.getHost(), SSHD.getMappedPort(2222), "tester", key, null, null, null),
                new ConnectionOptions(List.of(kh), false, Duration.ofSeconds(20), null, null, null));
    }

    @Test
    void execAndFilesWorkAgainstTheContainer() throws Exception {
        ExecResult r = conn.exec(ExecRequest.shell("echo out; echo err >&2; exit 4"));
        assertEquals(4, r.rc());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        conn.files().write("/tmp/meshplay-docker.txt", "hello".getBytes(), WriteOptions.mode(0640));
        FileStat st = conn.files().stat("/tmp/meshplay-docker.txt", true);
        assertEquals(0640, st.mode());
        assertEquals("hello", new String(conn.files().read("/tmp/meshplay-docker.txt").orElseThrow()));
        ExecResult t = conn.exec(ExecRequest.argv("sleep", "30").withTimeout(Duration.ofMillis(500)));
        assertTrue(t.timedOut());
    }
}
