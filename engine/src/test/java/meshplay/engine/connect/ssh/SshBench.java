package meshplay.engine.connect.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.testing.SshdFixture;

/**
 * Measures the SSH connection (not a test): 30 tasks ({@code true}) on each of 10 hosts (aliases of one
 * real sshd, one connection each), hosts in parallel as a runner with 10 forks would drive them. Prints
 * the total time, the per host-task overhead over an open session, and the TCP connections opened.
 * Run with bench/ssh/run.sh (needs root and OpenSSH sshd).
 */
public final class SshBench {
    private SshBench() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("meshplay-ssh-bench");
        try (SshdFixture sshd = SshdFixture.start(dir.resolve("sshd"));
             SshConnectionProvider provider = new SshConnectionProvider(SshTesting.emptyEnvironment(dir))) {
            List<Connection> conns = new ArrayList<>();
            for (int i = 0; i < hosts; i++) conns.add(provider.open(sshd.address("h" + i, SshdFixture.TEST_USER), sshd.options()));

            long t0 = System.nanoTime();
            runAll(conns, 1);
            long connectNs = System.nanoTime() - t0;

            // sequential latency on one open session: the per host-task overhead
            Connection one = conns.get(0);
            for (int i = 0; i < 20; i++) check(one.exec(ExecRequest.argv("true")));
            long s0 = System.nanoTime();
            int seq = 200;
            for (int i = 0; i < seq; i++) check(one.exec(ExecRequest.argv("true")));
            double perTaskMs = (System.nanoTime() - s0) / 1e6 / seq;

            // an atomic file write (SFTP, guard, fsync, rename) and a stat, sequential on one session
            String file = SshdFixture.TEST_HOME + "/bench-" + ProcessHandle.current().pid() + ".txt";
            for (int i = 0; i < 5; i++) one.files().write(file, "warm".getBytes(), meshplay.engine.connect.WriteOptions.DEFAULT);
            long w0 = System.nanoTime();
            int writes = 50;
            for (int i = 0; i < writes; i++) one.files().write(file, ("content " + i).getBytes(), meshplay.engine.connect.WriteOptions.mode(0644));
            double perWriteMs = (System.nanoTime() - w0) / 1e6 / writes;
            long st0 = System.nanoTime();
            for (int i = 0; i < writes; i++) one.files().stat(file, true);
            double perStatMs = (System.nanoTime() - st0) / 1e6 / writes;
            one.files().remove(file, false);

            long r0 = System.nanoTime();
            runAll(conns, tasks);
            double totalMs = (System.nanoTime() - r0) / 1e6;

            String ss = ssCount(sshd.port());
            System.out.printf(Locale.ROOT, "hosts=%d tasks/host=%d (command: true, user %s, OpenSSH on 127.0.0.1)%n", hosts, tasks, SshdFixture.TEST_USER);
            System.out.printf(Locale.ROOT, "connect+auth+first command, all hosts in parallel: %.1f ms%n", connectNs / 1e6);
            System.out.printf(Locale.ROOT, "run: %d tasks in %.1f ms total (hosts in parallel, tasks per host in order)%n", hosts * tasks, totalMs);
            System.out.printf(Locale.ROOT, "per host-task, wall time / tasks per host: %.2f ms%n", totalMs / tasks);
            System.out.printf(Locale.ROOT, "per host-task overhead on one open session, sequential: %.2f ms%n", perTaskMs);
            System.out.printf(Locale.ROOT, "atomic write of a small file: %.2f ms; stat: %.2f ms (sequential, one session)%n", perWriteMs, perStatMs);
            System.out.printf(Locale.ROOT, "TCP connections opened by the provider: %d; established to the sshd port now (ss -tn): %s%n",
                    provider.connectionsOpened(), ss);
        } finally {
            SshdFixture.removeTree(dir);
        }
    }

    private static void runAll(List<Connection> conns, int tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(conns.size());
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Connection c : conns) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < tasks; i++) check(c.exec(ExecRequest.argv("true")));
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(ExecResult r) {
        if (!r.ok()) throw new IllegalStateException("command failed: " + r);
    }

    private static String ssCount(int port) {
        try {
            Process p = new ProcessBuilder("ss", "-Htn", "state", "established", "( dport = :" + port + " )").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return String.valueOf(out.lines().filter(l -> !l.isBlank()).count());
        } catch (Exception e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
