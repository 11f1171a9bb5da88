package meshplay.engine.connect.ssh;

import static meshplay.engine.testing.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import meshplay.engine.connect.Checksum;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.Content;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP writes are complete or nothing, against a real sshd whose sessions see a small tmpfs of their
 * own (a private mount namespace): a full disk fails with its cause named and keeps the old file;
 * big files stream and are checked by checksum on the host; temp files of earlier runs are removed.
 */
class SshWriteTest {
    @TempDir
    static Path tmp;
    static SshdFixture sshd;
    static SshConnectionProvider provider;
    static Connection conn;
    static Path small;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        small = tmp.resolve("small");
        sshd = SshdFixture.startWithTmpfs(tmp.resolve("sshd"), small, 400);
        provider = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp));
        conn = provider.open(sshd.address("n1", SshdFixture.TEST_USER), sshd.options());
        work = SshdFixture.testUserDirectory("write-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) provider.close();
        if (sshd != null) sshd.close();
        SshdFixture.removeTree(work);
    }

    @Test
    void aFullDiskFailsWithItsCauseAndKeepsTheOldFile() throws Exception {
        String old = small + "/old.conf";
        byte[] before = random(100 * 1024, 1);
        conn.files().write(old, before, WriteOptions.DEFAULT);
        Path src = Files.write(tmp.resolve("600k.bin"), random(600 * 1024, 2));
        for (Content content : new Content[]{Content.of(src), Content.of(Files.readAllBytes(src))}) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> conn.files().write(old, content, WriteOptions.DEFAULT));
            assertFalse(e.unreachable(), "a full disk fails the task; the host is still reachable");
            assertTrue(e.getMessage().startsWith("write " + old + " on n1: no space left on device"), e.getMessage());
            assertArrayEquals(before, conn.files().read(old).orElseThrow(), "the old file is intact");
            assertEquals("old.conf\n", conn.exec(ExecRequest.argv("ls", "-A", small.toString())).stdout(), "no temp file is left");
        }
    }

    @Test
    void aBigFileStreamsAndIsCheckedOnTheHost() throws Exception {
        byte[] data = random(12 * 1024 * 1024 + 5, 3);
        Path src = Files.write(tmp.resolve("12m.bin"), data);
        String dest = work + "/big.bin";
        conn.files().write(dest, Content.of(src), WriteOptions.DEFAULT);
        assertEquals(Checksum.sha1(data), conn.files().sha1(dest).orElseThrow());
        assertArrayEquals(data, Files.readAllBytes(Path.of(dest)));
        assertTrue(conn.files().sha1(work + "/absent").isEmpty());
    }

    @Test
    void tempFilesOfEarlierRunsAreRemoved() throws Exception {
        Path dir = Files.createDirectories(work.resolve("sweep"));
        new ProcessBuilder("chown", SshdFixture.TEST_USER + ":", dir.toString()).start().waitFor();
        Path stale = Files.writeString(dir.resolve(".app.conf.k3x9.meshplay-tmp"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(dir.resolve(".other.conf.q1.meshplay-tmp"), "being written by a run still going");
        conn.files().write(dir + "/app.conf", "new\n".getBytes(), WriteOptions.DEFAULT);
        assertEquals("new\n", Files.readString(dir.resolve("app.conf")));
        assertFalse(Files.exists(stale), "a temp file older than the run is removed");
        assertTrue(Files.exists(fresh), "a temp file newer than the run is left alone");
    }
}
