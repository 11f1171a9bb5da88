package meshplay.engine.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.HostAddress;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH sshd for tests: {@code /usr/sbin/sshd -D -e -f <temp config>} on 127.0.0.1 and a free
 * port, with its own ed25519 host key, a known_hosts file for it, and a client key authorized for
 * root and for the clean test user {@value #TEST_USER} (shell /bin/sh, empty home, created if missing).
 * No PAM, no rc files, internal-sftp. Stopped by the PID it was started with.
 * <p>
 * Needs root (to create the user and run sshd); tests are skipped with the reason otherwise.
 */
public final class SshdFixture implements AutoCloseable {
    public static final String TEST_USER = "meshplaytest";
    public static final Path TEST_HOME = Path.of("/tmp/meshplaytest-home");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final int port;
    private final int maxSessions;
    private final List<String> extraConfig;
    /** Where sshd mounts its own small tmpfs (in a private mount namespace), or null. */
    private Path tmpfs;
    private int tmpfsKb;
    private Process process;

    private SshdFixture(Path dir, int maxSessions, List<String> extraConfig) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.maxSessions = maxSessions;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /** Skips the calling test unless this machine can run the fixture (root, sshd, ssh-keygen). */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(SSHD), "OpenSSH sshd is not installed at " + SSHD);
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the sshd fixture needs root (runs sshd, creates user " + TEST_USER + ")");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
    }

    /** A new directory {@code name} in the test user's home, owned by the test user, for files a test writes over SSH. */
    public static Path testUserDirectory(String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(TEST_HOME.resolve(name));
        new ProcessBuilder("chown", TEST_USER + ":", dir.toString()).start().waitFor();
        return dir;
    }

    /** Removes a test directory with everything in it, whoever owns the files (rm -rf as root); null is nothing to remove. */
    public static void removeTree(Path dir) throws IOException, InterruptedException {
        if (dir != null) new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }

    /** Starts sshd with MaxSessions 10 (OpenSSH's default). */
    public static SshdFixture start(Path dir) throws Exception {
        return start(dir, 10, List.of());
    }

    public static SshdFixture start(Path dir, int maxSessions, List<String> extraConfig) throws Exception {
        assumeAvailable();
        ensureTestUser();
        Files.createDirectories(dir);
        SshdFixture f = new SshdFixture(dir, maxSessions, extraConfig);
        f.prepare();
        f.launch();
        return f;
    }

    /**
     * Starts sshd in a private mount namespace ({@code unshare -m}) where a tmpfs of {@code sizeKb} KiB,
     * writable by everyone, is mounted on {@code mountPoint}: a small disk that fills up for the test
     * user's sessions only, while the host's own mounts stay as they are.
     */
    public static SshdFixture startWithTmpfs(Path dir, Path mountPoint, int sizeKb) throws Exception {
        PrivateTmpfs.assumeAvailable();
        assumeAvailable();
        ensureTestUser();
        Files.createDirectories(dir);
        Files.createDirectories(mountPoint);
        SshdFixture f = new SshdFixture(dir, 10, List.of());
        f.tmpfs = mountPoint;
        f.tmpfsKb = sizeKb;
        f.prepare();
        f.launch();
        return f;
    }

    private static synchronized void ensureTestUser() throws Exception {
        if (run(List.of("getent", "passwd", TEST_USER)).exit != 0) {
            Result r = run(List.of("useradd", "--system", "--shell", "/bin/sh", "--home-dir", TEST_HOME.toString(), "--no-create-home", TEST_USER));
            if (r.exit != 0 && run(List.of("getent", "passwd", TEST_USER)).exit != 0) {
                throw new IllegalStateException("cannot create user " + TEST_USER + ": " + r.output);
            }
        }
        // sshd without PAM refuses accounts whose password field starts with "!" (locked)
        run(List.of("usermod", "-p", "*", TEST_USER));
        Files.createDirectories(TEST_HOME);
        run(List.of("chown", TEST_USER + ":", TEST_HOME.toString()));
    }

    private void prepare() throws Exception {
        // sshd reads authorized_keys as the user, so the directory and its parents (JUnit makes
        // temp directories 0700) must be traversable by others
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p = dir.toAbsolutePath().getParent(); p != null && p.getNameCount() > 1; p = p.getParent()) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) Files.setPosixFilePermissions(p, perms);
        }
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        if (!Files.exists(hostKey)) {
            check(run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "fixture-host", "-f", hostKey.toString())));
        }
        Path clientKey = clientKey();
        if (!Files.exists(clientKey)) {
            check(run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "fixture-client", "-f", clientKey.toString())));
        }
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(clientKey + ".pub")));
        Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
        String hostPub = Files.readString(Path.of(hostKey + ".pub")).trim();
        String[] parts = hostPub.split(" ");
        Files.writeString(knownHosts(), "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n");
        List<String> config = new ArrayList<>(List.of(
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "UsePAM no",
                "StrictModes no",
                "PermitUserRC no",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "MaxStartups 200",
                "MaxSessions " + maxSessions,
                "LogLevel VERBOSE",
                "Subsystem sftp internal-sftp"));
        config.addAll(extraConfig);
        Files.write(dir.resolve("sshd_config"), config, StandardCharsets.UTF_8);
    }

    private void launch() throws Exception {
        Path log = log();
        List<String> argv = List.of(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString());
        if (tmpfs != null) {
            argv = List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=" + tmpfsKb + "k,mode=1777 meshplay-test \"$1\" && shift && exec \"$@\"", "sh", tmpfs.toString(),
                    argv.get(0), argv.get(1), argv.get(2), argv.get(3), argv.get(4));
        }
        process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on port " + port + ": " + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public int maxSessions() {
        return maxSessions;
    }

    public Path dir() {
        return dir;
    }

    /** A known_hosts file holding this server's key as [127.0.0.1]:port. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The host's public key line ("ssh-ed25519 AAAA... fixture-host"). */
    public String hostPublicKey() throws IOException {
        return Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).trim();
    }

    /** The private key authorized for root and {@value #TEST_USER}. */
    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    /** Adds a public key line to the authorized keys. */
    public void authorize(String publicKeyLine) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), publicKeyLine.trim() + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    public Path log() {
        return dir.resolve("sshd.log");
    }

    /** An inventory host reaching this sshd as {@code user} with the fixture's client key. */
    public HostAddress address(String inventoryName, String user) {
        return address(inventoryName, user, Map.of());
    }

    public HostAddress address(String inventoryName, String user, Map<String, Object> vars) {
        return new HostAddress(inventoryName, "127.0.0.1", port, user, clientKey(), null, Duration.ofSeconds(10), vars);
    }

    /** Run options whose known_hosts file knows this server. */
    public ConnectionOptions options() {
        return new ConnectionOptions(List.of(knownHosts()), false, Duration.ofSeconds(10), null, null, null);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Kills sshd and its per-connection sshd processes at once (SIGKILL), as a crash would. Commands
     * the sessions started are left running; they see their input end, as after a real crash.
     */
    public void kill() throws InterruptedException {
        if (process == null) return;
        List<ProcessHandle> all = new ArrayList<>(process.descendants()
                .filter(h -> h.info().command().map(c -> c.equals(SSHD.toString())).orElse(false)).toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // already reaped
            }
        }
    }

    /** Starts sshd again on the same port with the same keys. */
    public void restart() throws Exception {
        if (isRunning()) kill();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        process = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static void check(Result r) {
        if (r.exit != 0) throw new IllegalStateException("command failed: " + r.output);
    }
}
