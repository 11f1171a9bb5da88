package meshplay.engine.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH connection against a real OpenSSH sshd, as the clean test user (and root where owners change). */
class SshConnectionTest {
    @TempDir
    static Path tmp;
    static SshdFixture sshd;
    static SshConnectionProvider provider;
    static Connection conn;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        sshd = SshdFixture.start(tmp.resolve("sshd"));
        provider = new SshConnectionProvider(SshTesting.emptyEnvironment(tmp));
        conn = provider.open(sshd.address("n1", SshdFixture.TEST_USER), sshd.options());
        work = SshdFixture.testUserDirectory("work-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) provider.close();
        if (sshd != null) sshd.close();
        SshdFixture.removeTree(work);
    }

    @Test
    void execReportsRcStdoutAndStderrSeparately() throws Exception {
        ExecResult r = conn.exec(ExecRequest.shell("echo out; echo err >&2; exit 3"));
        assertEquals(3, r.rc());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.timedOut());
    }

    @Test
    void argvIsQuotedNotInterpretedByTheShell() throws Exception {
        ExecResult r = conn.exec(ExecRequest.argv("printf", "%s|", "a b", "$HOME", "it's", "*"));
        assertEquals("a b|$HOME|it's|*|", r.stdout());
        assertEquals(SshdFixture.TEST_USER + "\n", conn.exec(ExecRequest.argv("id", "-un")).stdout());
    }

    @Test
    void stdinEnvAndChdirReachTheCommand() throws Exception {
        assertEquals("hello\nworld", conn.exec(ExecRequest.argv("cat").withStdin("hello\nworld")).stdout());
        ExecResult env = conn.exec(ExecRequest.shell("echo \"$GREETING\"").withEnv(Map.of("GREETING", "hi there; $x")));
        assertEquals("hi there; $x\n", env.stdout());
        assertEquals("/tmp\n", conn.exec(ExecRequest.argv("pwd").withChdir("/tmp")).stdout());
        // a command that ignores stdin still ends (EOF is sent)
        assertEquals(0, conn.exec(ExecRequest.argv("true").withStdin(new byte[100_000])).rc());
    }

    @Test
    void commandThatOutlivesItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path pids = work.resolve("pids");
        ExecResult r = conn.exec(ExecRequest.shell("sleep 300 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait")
                .withTimeout(Duration.ofMillis(800)));
        assertTrue(r.timedOut());
        assertEquals(-1, r.rc());
        List<Long> ids = Files.readAllLines(pids).stream().map(String::trim).map(Long::parseLong).toList();
        assertEquals(2, ids.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ids.stream().anyMatch(SshConnectionTest::alive) && System.nanoTime() < deadline) Thread.sleep(100);
        for (long pid : ids) assertFalse(alive(pid), "process " + pid + " still runs after the timeout");
        // the connection stays usable
        assertEquals(0, conn.exec(ExecRequest.argv("true")).rc());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void concurrentCommandsOnOneConnectionStayWithinMaxSessions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<ExecResult>> fs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                fs.add(pool.submit(() -> conn.exec(ExecRequest.shell("sleep 0.05; echo " + n))));
            }
            for (int i = 0; i < fs.size(); i++) {
                ExecResult r = fs.get(i).get();
                assertEquals(0, r.rc(), r.stderr());
                assertEquals(i + "\n", r.stdout());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConnectionsUsedByTwentyThreadsAtOnce() throws Exception {
        // 20 aliases of one sshd (MaxSessions 10); each thread drives its connection with 12 parallel
        // commands at a time, so every connection must hold itself to 10 channels
        List<Connection> conns = new ArrayList<>();
        for (int i = 0; i < 20; i++) conns.add(provider.open(sshd.address("alias" + i, SshdFixture.TEST_USER), sshd.options()));
        ExecutorService outer = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> hosts = new ArrayList<>();
            for (Connection c : conns) {
                hosts.add(outer.submit(() -> {
                    ExecutorService inner = Executors.newFixedThreadPool(12);
                    try {
                        List<Future<ExecResult>> rs = new ArrayList<>();
                        for (int k = 0; k < 24; k++) {
                            int n = k;
                            rs.add(inner.submit(() -> c.exec(ExecRequest.shell("sleep 0.02; echo " + c.host() + "-" + n))));
                        }
                        int ok = 0;
                        for (int k = 0; k < rs.size(); k++) {
                            ExecResult r = rs.get(k).get();
                            assertEquals(0, r.rc(), r.stderr());
                            assertEquals(c.host() + "-" + k + "\n", r.stdout());
                            ok++;
                        }
                        return ok;
                    } finally {
                        inner.shutdownNow();
                    }
                }));
            }
            for (Future<Integer> h : hosts) assertEquals(24, h.get());
        } finally {
            outer.shutdownNow();
            conns.forEach(Connection::close);
        }
    }

    @Test
    void writeIsAtomicKeepsModeAndLeavesNoTempFile() throws Exception {
        String path = work.resolve("conf/app.conf").toString();
        assertEquals(Optional.empty(), conn.files().write(path, "one\n".getBytes(), WriteOptions.mode(0640)));
        assertEquals("one\n", Files.readString(Path.of(path)));
        assertEquals(0640, mode(Path.of(path)));
        // a rewrite without a mode keeps the file's mode
        conn.files().write(path, "two\n".getBytes(), WriteOptions.DEFAULT);
        assertEquals("two\n", Files.readString(Path.of(path)));
        assertEquals(0640, mode(Path.of(path)));
        try (Stream<Path> s = Files.list(Path.of(path).getParent())) {
            assertEquals(List.of("app.conf"), s.map(p -> p.getFileName().toString()).toList());
        }
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        conn.files().write(path, big, WriteOptions.DEFAULT);
        assertArrayEquals(big, conn.files().read(path).orElseThrow());
    }

    @Test
    void setIdModesSurviveTheWriteOfTheContent() throws Exception {
        // the kernel clears set-id bits when a non-root user writes to a file: the mode must come last
        String path = work.resolve("setgid-tool").toString();
        conn.files().write(path, "#!/bin/sh\n".getBytes(), WriteOptions.mode(02755));
        assertEquals(02755, mode(Path.of(path)));
        conn.files().write(path, "#!/bin/sh\necho 2\n".getBytes(), WriteOptions.DEFAULT);
        assertEquals(02755, mode(Path.of(path)), "a rewrite keeps the set-id mode");
        conn.files().write(work.resolve("plain.conf").toString(), "p\n".getBytes(), WriteOptions.mode(0640));
        assertEquals(0640, mode(work.resolve("plain.conf")));
    }

    @Test
    void writeWithBackupKeepsTheOldContent() throws Exception {
        String path = work.resolve("backed.txt").toString();
        conn.files().write(path, "old\n".getBytes(), WriteOptions.DEFAULT);
        Optional<String> backup = conn.files().write(path, "new\n".getBytes(), new WriteOptions(Attributes.NONE, true));
        assertTrue(backup.isPresent());
        assertEquals("old\n", Files.readString(Path.of(backup.get())));
        assertEquals("new\n", Files.readString(Path.of(path)));
    }

    @Test
    void statReadMkdirsRemoveAndSymlink() throws Exception {
        String dir = work.resolve("a/b/c").toString();
        conn.files().mkdirs(dir, new Attributes(0750, null, null));
        FileStat d = conn.files().stat(dir, true);
        assertTrue(d.isDirectory());
        assertEquals(0750, d.mode());
        assertEquals(SshdFixture.TEST_USER, d.owner());
        assertEquals(0750, mode(work.resolve("a")));

        String file = dir + "/f.txt";
        conn.files().write(file, "data".getBytes(StandardCharsets.UTF_8), WriteOptions.mode(0604));
        FileStat f = conn.files().stat(file, false);
        assertEquals("file", f.type());
        assertEquals(4, f.size());
        assertEquals(0604, f.mode());
        assertEquals("data", new String(conn.files().read(file).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), conn.files().read(dir + "/absent"));
        assertNull(conn.files().stat(dir + "/absent", false));

        String link = work.resolve("link").toString();
        conn.files().symlink(file, link);
        conn.files().symlink(file, link); // replacing an existing link works
        FileStat l = conn.files().stat(link, false);
        assertEquals("link", l.type());
        assertEquals(file, l.linkTarget());
        assertEquals("file", conn.files().stat(link, true).type());
        assertEquals(file, Files.readSymbolicLink(Path.of(link)).toString());

        conn.files().setAttributes(file, new Attributes(0600, null, null));
        assertEquals(0600, mode(Path.of(file)));

        conn.files().remove(link, false);
        assertFalse(Files.exists(Path.of(link), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(Path.of(file)), "removing a link keeps its target");
        conn.files().remove(work.resolve("a").toString(), true);
        assertFalse(Files.exists(work.resolve("a")));
        conn.files().remove(work.resolve("a").toString(), true); // absent: no error
    }

    @Test
    void ownerAndGroupAreSetAsRoot() throws Exception {
        try (Connection root = provider.open(sshd.address("n1-root", "root"), sshd.options())) {
            String path = work.resolve("owned.conf").toString();
            root.files().write(path, "x\n".getBytes(), new WriteOptions(new Attributes(04750, SshdFixture.TEST_USER, "root"), false));
            PosixFileAttributes a = Files.readAttributes(Path.of(path), PosixFileAttributes.class);
            assertEquals(SshdFixture.TEST_USER, a.owner().getName());
            assertEquals("root", a.group().getName());
            FileStat st = root.files().stat(path, true);
            assertEquals(04750, st.mode(), "set-id bits survive because the mode is applied after the owner");
            assertEquals(SshdFixture.TEST_USER, st.owner());
            root.files().setAttributes(path, new Attributes(null, "root", null));
            assertEquals("root", Files.getOwner(Path.of(path)).getName());
        }
    }

    @Test
    void oneSessionServesManyCalls() throws Exception {
        int before = provider.connectionsOpened();
        Connection c = provider.open(sshd.address("reuse", SshdFixture.TEST_USER), sshd.options());
        for (int i = 0; i < 20; i++) assertEquals(0, c.exec(ExecRequest.argv("true")).rc());
        c.files().write(work.resolve("reuse.txt").toString(), "r".getBytes(), WriteOptions.DEFAULT);
        assertNotNull(c.files().stat(work.resolve("reuse.txt").toString(), true));
        assertEquals(before + 1, provider.connectionsOpened());
        c.close();
    }

    @Test
    void readsReturnExactlyTheFileAtEverySizeAroundOneRequest() throws Exception {
        // one read request holds 64 KiB: empty, just under, exactly, just over, and many requests
        for (int size : new int[] {0, 1, 65535, 65536, 65537, 300_000}) {
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++) content[i] = (byte) (i * 7 + size);
            String path = work.resolve("sized-" + size + ".bin").toString();
            conn.files().write(path, content, WriteOptions.DEFAULT);
            assertArrayEquals(content, conn.files().read(path).orElseThrow(), "size " + size);
        }
        assertEquals(Optional.empty(), conn.files().read(work.resolve("no-such-file").toString()));
    }

    @Test
    void oneWriteGuardServesEveryWriteOfASession() throws Exception {
        Connection c = provider.open(sshd.address("guarded", SshdFixture.TEST_USER), sshd.options());
        // the guard is a shell reading temp paths that descends from this session's sshd process (the
        // one the counting command also descends from; other sessions' guards do not count)
        ExecRequest countGuards = ExecRequest.shell("p=$$; while [ \"$(ps -o comm= -p $p)\" != sshd ]; do p=$(ps -o ppid= -p $p | tr -d ' '); done; "
                + "n=0; for g in $(pgrep -u \"$(id -un)\" -f '^sh -c while IFS= read -r tmp'); do q=$g; "
                + "while [ \"$q\" -gt 1 ]; do [ \"$q\" = \"$p\" ] && { n=$((n+1)); break; }; q=$(ps -o ppid= -p $q | tr -d ' '); done; done; echo $n");
        assertEquals("0", c.exec(countGuards).stdout().strip(), "no guard before the first write");
        for (int i = 0; i < 6; i++) c.files().write(work.resolve("guarded-" + i + ".txt").toString(), ("g" + i).getBytes(), WriteOptions.DEFAULT);
        assertEquals("1", c.exec(countGuards).stdout().strip(), "one guard for six writes");
        for (int i = 0; i < 6; i++) assertEquals("g" + i, Files.readString(work.resolve("guarded-" + i + ".txt")));
        c.close();
    }

    @Test
    void aWriteRefusedBeforeItsTempFileExistsLeavesTheGuardReadyForTheNext() throws Exception {
        Connection c = provider.open(sshd.address("refused", SshdFixture.TEST_USER), sshd.options());
        // the test user may not look into /root: the write fails at its first stat, after arming the guard
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> c.files().write("/root/meshplay-denied/file", "x".getBytes(), WriteOptions.DEFAULT));
        assertFalse(e.unreachable(), e.getMessage());
        for (int i = 0; i < 3; i++) {
            String path = work.resolve("after-refusal-" + i).toString();
            c.files().write(path, ("ok" + i).getBytes(), WriteOptions.DEFAULT);
            assertEquals("ok" + i, Files.readString(Path.of(path)));
        }
        try (Stream<Path> s = Files.list(work)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".meshplay-tmp")), "no temp file is left");
        }
        c.close();
    }

    @Test
    void withTwoChannelsTheGuardLivesForOneWriteAndCommandsStillRun() throws Exception {
        Connection c = provider.open(sshd.address("narrow", SshdFixture.TEST_USER, Map.of("ansible_ssh_max_sessions", 2)), sshd.options());
        for (int i = 0; i < 3; i++) {
            c.files().write(work.resolve("narrow.txt").toString(), ("n" + i).getBytes(), WriteOptions.DEFAULT);
            assertEquals("n" + i, c.exec(ExecRequest.argv("cat", work.resolve("narrow.txt").toString())).stdout());
        }
        c.close();
    }

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
