package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * become over SSH: commands and file operations as another user. su is tested from root to the test
 * user (root needs no password); sudo from the test user to root when sudo is installed.
 */
class SshBecomeTest {
    @TempDir
    static Path shared;
    static SshdFixture sshd;
    static SshConnectionProvider provider;
    static Path work;

    static final Become SU_TEST_USER = new Become(SshdFixture.TEST_USER, "su", null);

    @BeforeAll
    static void start() throws Exception {
        sshd = SshdFixture.start(shared.resolve("sshd"));
        provider = new SshConnectionProvider(SshTesting.emptyEnvironment(shared));
        work = SshdFixture.testUserDirectory("become-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) provider.close();
        if (sshd != null) sshd.close();
        SshdFixture.removeTree(work);
        new ProcessBuilder("rm", "-f", "/etc/sudoers.d/meshplay-test").start().waitFor();
    }

    @Test
    void suRunsCommandsAndFileOperationsAsTheBecomeUser() throws Exception {
        Connection root = provider.open(sshd.address("n1-root", "root"), sshd.options());
        assertEquals(SshdFixture.TEST_USER + "\n", root.exec(ExecRequest.argv("id", "-un").withBecome(SU_TEST_USER)).stdout());
        assertEquals("x y\n", root.exec(ExecRequest.shell("echo \"$A\"").withEnv(java.util.Map.of("A", "x y")).withChdir("/tmp")
                .withBecome(SU_TEST_USER)).stdout());

        Connection asUser = root.withBecome(SU_TEST_USER);
        String dir = work.resolve("d1/d2").toString();
        asUser.files().mkdirs(dir, new Attributes(0700, null, null));
        assertEquals(SshdFixture.TEST_USER, Files.getOwner(Path.of(dir)).getName());
        assertEquals(0700, mode(Path.of(dir)));

        String file = dir + "/f.bin";
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i % 251);
        assertEquals(Optional.empty(), asUser.files().write(file, content, WriteOptions.mode(0640)));
        assertEquals(SshdFixture.TEST_USER, Files.getOwner(Path.of(file)).getName());
        assertEquals(0640, mode(Path.of(file)));
        assertArrayEquals(content, asUser.files().read(file).orElseThrow());
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            assertEquals(List.of("f.bin"), s.map(p -> p.getFileName().toString()).toList(), "no temp file is left");
        }
        Optional<String> backup = asUser.files().write(file, "second".getBytes(), new WriteOptions(Attributes.NONE, true));
        assertTrue(backup.isPresent());
        assertEquals(0640, mode(Path.of(file)), "the mode is kept on rewrite");
        assertArrayEquals(content, Files.readAllBytes(Path.of(backup.get())));

        FileStat st = asUser.files().stat(file, true);
        assertEquals("file", st.type());
        assertEquals(6, st.size());
        assertEquals(SshdFixture.TEST_USER, st.owner());
        assertNull(asUser.files().stat(dir + "/absent", false));
        assertEquals(Optional.empty(), asUser.files().read(dir + "/absent"));

        String link = work.resolve("l").toString();
        asUser.files().symlink(file, link);
        FileStat ls = asUser.files().stat(link, false);
        assertEquals("link", ls.type());
        assertEquals(file, ls.linkTarget());

        asUser.files().setAttributes(file, new Attributes(0600, null, null));
        assertEquals(0600, mode(Path.of(file)));
        asUser.files().remove(link, false);
        assertFalse(Files.exists(Path.of(link), LinkOption.NOFOLLOW_LINKS));
        asUser.files().remove(work.resolve("d1").toString(), true);
        assertFalse(Files.exists(work.resolve("d1")));
    }

    @Test
    void becomeFileOperationsReportFailuresClearly() throws Exception {
        Connection asUser = provider.open(sshd.address("n1-root", "root"), sshd.options()).withBecome(SU_TEST_USER);
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> asUser.files().write("/root/forbidden.txt", "x".getBytes(), WriteOptions.DEFAULT));
        assertTrue(e.getMessage().contains("as " + SshdFixture.TEST_USER), e.getMessage());
        assertFalse(Files.exists(Path.of("/root/forbidden.txt")));
    }

    @Test
    void sudoFromTheTestUserToRoot() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")), "sudo is not installed");
        Files.writeString(Path.of("/etc/sudoers.d/meshplay-test"), SshdFixture.TEST_USER + " ALL=(ALL) NOPASSWD: ALL\n");
        Become sudo = new Become("root", "sudo", null);
        Connection user = provider.open(sshd.address("n1", SshdFixture.TEST_USER), sshd.options());
        assertEquals("root\n", user.exec(ExecRequest.argv("id", "-un").withBecome(sudo)).stdout());
        Connection asRoot = user.withBecome(sudo);
        String file = work.resolve("root-owned.conf").toString();
        asRoot.files().write(file, "r\n".getBytes(), new WriteOptions(new Attributes(0600, "root", "root"), false));
        assertEquals("root", Files.getOwner(Path.of(file)).getName());
        assertEquals("r\n", new String(asRoot.files().read(file).orElseThrow()));
    }

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
