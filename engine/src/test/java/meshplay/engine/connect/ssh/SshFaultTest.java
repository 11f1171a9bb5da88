package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sshd dies under a run: no partial files, one reopen attempt, unreachable, reconnect after restart. */
class SshFaultTest {
    @TempDir
    Path tmp;
    SshdFixture sshd;
    SshConnectionProvider provider;
    Connection conn;
    Path work;

    @BeforeEach
    void start() throws Exception {
        sshd = SshdFixture.start(tmp.resolve("sshd"));
        provider = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp));
        conn = provider.open(sshd.address("n1", SshdFixture.TEST_USER), sshd.options());
        work = SshdFixture.testUserDirectory("fault-" + System.nanoTime());
    }

    @AfterEach
    void stop() throws Exception {
        if (provider != null) provider.close();
        if (sshd != null) sshd.close();
        SshdFixture.removeTree(work);
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(work)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sshdKilledDuringAWriteLeavesTheOldFileAndTheHostUnreachable() throws Exception {
        String target = work.resolve("big.bin").toString();
        conn.files().write(target, "old\n".getBytes(), WriteOptions.DEFAULT);
        for (int i = 0; i < 3; i++) assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
        byte[] big = new byte[256 * 1024 * 1024];
        CompletableFuture<Object> write = CompletableFuture.supplyAsync(() -> {
            try {
                return conn.files().write(target, big, WriteOptions.DEFAULT);
            } catch (ConnectionException e) {
                return e;
            }
        });
        // wait until the temp file exists and is filling, then crash sshd
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !write.isDone()) {
            try (Stream<Path> s = Files.list(work)) {
                if (s.anyMatch(p -> p.getFileName().toString().startsWith(".big.bin.") && p.toFile().length() > 1024 * 1024)) break;
            }
            Thread.sleep(5);
        }
        assertFalse(write.isDone(), "the write finished before sshd could be killed; make the content bigger");
        sshd.kill();

        Object outcome = write.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof ConnectionException, "the interrupted write fails: " + outcome);
        assertTrue(((ConnectionException) outcome).unreachable());

        // the next call tries to reopen once, fails, and reports the host unreachable with the reason
        ConnectionException next = assertThrows(ConnectionException.class, () -> conn.exec(ExecRequest.argv("true")));
        assertTrue(next.unreachable());
        assertTrue(next.getMessage().contains("connection refused"), next.getMessage());

        // the guard removed the partial temp file once its session ended; the old content is intact
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listing().equals(List.of("big.bin")) && System.nanoTime() < until) Thread.sleep(50);
        assertEquals(List.of("big.bin"), listing());
        assertEquals("old\n", Files.readString(Path.of(target)));

        // once sshd is back, the next call reconnects by itself
        sshd.restart();
        int opened = provider.connectionsOpened();
        assertEquals("back\n", conn.exec(ExecRequest.shell("echo back")).stdout());
        assertEquals(opened + 1, provider.connectionsOpened());
    }

    @Test
    void commandsRunningWhenSshdDiesReportTheLostConnection() throws Exception {
        CompletableFuture<Object> cmd = CompletableFuture.supplyAsync(() -> {
            try {
                return conn.exec(ExecRequest.argv("sleep", "30"));
            } catch (ConnectionException e) {
                return e;
            }
        });
        Thread.sleep(500);
        sshd.kill();
        Object outcome = cmd.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof ConnectionException ce && ce.unreachable() && ce.getMessage().contains("lost"), String.valueOf(outcome));
    }

    @Test
    void reconnectAfterRestartAndTransparentReopen() throws Exception {
        assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
        sshd.restart();
        // the old session is dead; the next call reopens it without the caller doing anything
        assertEquals("again\n", conn.exec(ExecRequest.shell("echo again")).stdout());
        // an explicit reconnect (after a reboot) replaces the session
        int before = provider.connectionsOpened();
        conn.reconnect();
        assertEquals(before + 1, provider.connectionsOpened());
        assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
    }

    @Test
    void reconnectWaitsForAHostThatIsComingBack() throws Exception {
        assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
        sshd.kill();
        CompletableFuture<Void> reboot = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1500);
                sshd.restart();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        conn.reconnect(Duration.ofSeconds(20));
        reboot.get();
        assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
        sshd.kill();
        ConnectionException e = assertThrows(ConnectionException.class, () -> conn.reconnect(Duration.ofMillis(1500)));
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("still unreachable"), e.getMessage());
    }

}
