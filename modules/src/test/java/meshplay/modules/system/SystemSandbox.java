package meshplay.modules.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ConnectionException;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.HostFiles;
import meshplay.engine.connect.LocalFiles;
import meshplay.engine.connect.LocalConnection;
import org.junit.jupiter.api.Assumptions;

/**
 * A private copy of this machine's system state, for the modules that change users, groups, the
 * hostname, mounts and crontabs. One long-lived process runs in its own mount and UTS namespaces
 * ({@code unshare --mount --uts}), where a copy of /etc is bound over /etc, tmpfs covers /home,
 * /var/log, /var/mail and /var/spool, hostnamectl is a stand-in that only sets the namespace's
 * hostname, and crontab is a stand-in that keeps crontabs under /var/spool/cron/crontabs. Commands
 * enter those namespaces with nsenter, and files are reached through /proc/PID/root, so modules see
 * exactly what a host would show them. Closing it ends the process and checks that the host's own
 * passwd, group, shadow, gshadow, fstab, hostname and mount table are what they were.
 * Needs root, unshare and nsenter; tests are skipped with the reason otherwise.
 */
final class SystemSandbox implements AutoCloseable {
    private static final List<String> GUARDED = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/fstab",
            "/etc/hostname");
    private static final String SETUP = """
            set -e
            D=$1
            cp -a /etc "$D/etc"
            mount --bind "$D/etc" /etc
            mount -t tmpfs sandbox-home /home
            mount -t tmpfs sandbox-log /var/log
            mount -t tmpfs sandbox-spool /var/spool
            if [ -d /var/mail ]; then mount -t tmpfs sandbox-mail /var/mail; fi
            if [ -e /usr/bin/hostnamectl ]; then mount --bind "$D/bin/hostnamectl" /usr/bin/hostnamectl; fi
            hostname sandbox
            echo sandbox > /etc/hostname
            echo ready
            exec sleep 100000
            """;
    private static final String HOSTNAMECTL = """
            #!/bin/sh
            # stands in for hostnamectl: a real one would ask systemd-hostnamed, outside this namespace
            kind=both
            while [ $# -gt 0 ]; do
              case "$1" in
                --transient) kind=transient; shift ;;
                --static) [ "$kind" = pretty ] && kind=both || kind=static; shift ;;
                --pretty) kind=pretty; shift ;;
                status) if [ "$kind" = transient ]; then hostname; else cat /etc/hostname; fi; exit 0 ;;
                set-hostname) case $kind in transient) hostname "$2" ;; *) echo "$2" > /etc/hostname ;; esac; exit 0 ;;
                *) echo "hostnamectl stand-in: unsupported: $*" >&2; exit 1 ;;
              esac
            done
            """;
    private static final String CRONTAB = """
            #!/bin/sh
            # stands in for crontab(1): crontabs live in /var/spool/cron/crontabs/USER
            user=$(id -un); action=install; file=-
            while [ $# -gt 0 ]; do
              case "$1" in
                -u) user=$2; shift 2 ;;
                -l) action=list; shift ;;
                -r) action=remove; shift ;;
                *) file=$1; shift ;;
              esac
            done
            tab=/var/spool/cron/crontabs/$user
            case $action in
              list) [ -f "$tab" ] || { echo "no crontab for $user" >&2; exit 1; }; cat "$tab" ;;
              remove) [ -f "$tab" ] || { echo "no crontab for $user" >&2; exit 1; }; rm -f "$tab" ;;
              install) mkdir -p /var/spool/cron/crontabs; if [ "$file" = - ]; then cat > "$tab"; else cat "$file" > "$tab"; fi ;;
            esac
            """;

    private final Path dir;
    private final Process process;
    private final long pid;
    private final Map<String, String> hostBefore;

    private SystemSandbox(Path dir, Process process, Map<String, String> hostBefore) {
        this.dir = dir;
        this.process = process;
        this.pid = process.pid();
        this.hostBefore = hostBefore;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the system sandbox needs root (mount namespace)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/nsenter")),
                "unshare and nsenter (util-linux) are needed");
    }

    /** Starts a sandbox whose private files live under {@code dir} (a test's temp directory). */
    static SystemSandbox start(Path dir) throws IOException, InterruptedException {
        assumeAvailable();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        tool(bin.resolve("hostnamectl"), HOSTNAMECTL);
        tool(bin.resolve("crontab"), CRONTAB);
        Map<String, String> before = hostState();
        Process p = new ProcessBuilder("unshare", "--mount", "--uts", "--propagation", "private", "sh", "-c", SETUP, "sh", dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("ready")) return new SystemSandbox(dir, p, before);
            seen.append(line).append('\n');
        }
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the system sandbox did not start: " + seen);
    }

    private static void tool(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A connection whose commands run in the sandbox and whose files are the sandbox's. */
    Connection connection() {
        return new Inside();
    }

    /** Runs a shell line in the sandbox and returns its stdout; fails when it exits non-zero. */
    String sh(String line) throws ConnectionException {
        ExecResult r = connection().exec(ExecRequest.shell(line));
        if (r.rc() != 0) throw new IllegalStateException(line + " failed (rc=" + r.rc() + "): " + r.stderr());
        return r.stdout();
    }

    /** The host path under which the sandbox's target path is seen. */
    Path path(String target) {
        return Path.of("/proc/" + pid + "/root" + target);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> after = hostState();
        if (!after.equals(hostBefore)) {
            throw new AssertionError("the host's own system state changed during a sandboxed test: before " + hostBefore + ", after " + after);
        }
    }

    /** Checksums of the guarded files, the hostname, and the host's mounts on the sandboxed paths. */
    private static Map<String, String> hostState() {
        Map<String, String> state = new LinkedHashMap<>();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : GUARDED) {
                Path p = Path.of(f);
                state.put(f, Files.exists(p) ? HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) : "absent");
            }
            state.put("hostname", new String(new ProcessBuilder("hostname").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            List<String> mounts = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String point = line.split(" ")[1];
                if (point.equals("/etc") || point.startsWith("/home") || point.startsWith("/var/") || point.startsWith("/usr/bin")
                        || point.startsWith("/tmp")) {
                    mounts.add(line);
                }
            }
            state.put("mounts", String.join("; ", mounts));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the host's state: " + e.getMessage(), e);
        }
        return state;
    }

    /** Commands through nsenter; files through /proc/PID/root. */
    private final class Inside implements Connection {
        private final LocalFiles files = new LocalFiles(Path.of("/proc/" + pid + "/root"));
        private final LocalConnection runner = new LocalConnection("sandbox");

        @Override
        public String host() {
            return "sandbox";
        }

        @Override
        public ExecResult exec(ExecRequest request) throws ConnectionException {
            List<String> argv = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-m", "-u", "--", "/usr/bin/env",
                    "PATH=" + dir.resolve("bin") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
            if (request.chdir() != null) argv.addAll(List.of("/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", request.chdir()));
            if (request.shell() != null) argv.addAll(List.of("/bin/sh", "-c", request.shell()));
            else argv.addAll(request.argv());
            return runner.exec(new ExecRequest(argv, null, request.stdin(), request.env(), null, request.timeout(), request.become()));
        }

        @Override
        public HostFiles files() {
            return files;
        }

        @Override
        public void close() {
        }
    }
}
