package meshplay.engine.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import meshplay.engine.lang.ShellQuote;

/**
 * Runs on the controller itself (ansible_connection=local): ProcessBuilder for commands, java.nio for
 * files ({@link LocalFiles}). For tests a {@code root} directory can stand in for "/": every file path is resolved under it,
 * and {@code extraPath} directories are put first on PATH so fake tools (modprobe, sysctl, ...) run.
 */
public final class LocalConnection implements Connection {
    private static final String SELF = System.getProperty("user.name");
    private final String host;
    private final List<Path> extraPath;
    private final Map<String, String> extraEnv;
    private final LocalFiles files;

    public LocalConnection(String host) {
        this(host, Path.of("/"), List.of(), Map.of());
    }

    public LocalConnection(String host, Path root, List<Path> extraPath, Map<String, String> extraEnv) {
        this.host = host;
        this.files = new LocalFiles(root);
        this.extraPath = List.copyOf(extraPath);
        this.extraEnv = Map.copyOf(extraEnv);
    }

    @Override
    public String host() {
        return host;
    }

    /** The local path that stands for a target path. */
    public Path resolve(String path) {
        return files.resolve(path);
    }

    @Override
    public HostFiles files() {
        return files;
    }

    @Override
    public ExecResult exec(ExecRequest request) throws ConnectionException {
        List<String> inner = request.shell() != null ? List.of("/bin/sh", "-c", request.shell()) : withExtraPath(request.argv());
        Become become = request.become();
        boolean escalate = become != null && !become.user().equals(SELF);
        List<String> command = new ArrayList<>();
        if (escalate) {
            command.addAll(BecomeWrapper.prefix(become));
            if ("su".equals(become.method())) command.add(ShellQuote.join(inner));
            else command.addAll(inner);
        } else {
            command.addAll(inner);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        if (!extraPath.isEmpty()) {
            StringBuilder p = new StringBuilder();
            for (Path dir : extraPath) p.append(dir.toAbsolutePath()).append(':');
            env.put("PATH", p + env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        }
        env.putAll(request.env());
        if (request.chdir() != null) pb.directory(resolve(request.chdir()).toFile());
        try {
            Process process = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                byte[] input = escalate ? BecomeWrapper.stdin(become, request.stdin()) : request.stdin();
                if (input != null) stdin.write(input);
            } catch (IOException ignored) {
                // the command did not read its stdin
            }
            boolean timedOut = false;
            if (request.timeout() != null) {
                if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            int rc = process.waitFor();
            return new ExecResult(timedOut ? -1 : rc, new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), timedOut);
        } catch (IOException e) {
            return new ExecResult(127, "", e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while running " + request.describe(), e);
        }
    }

    /**
     * ProcessBuilder looks a bare program name up on the JVM's own PATH, not on the child's, so a fake
     * tool in {@code extraPath} would lose to the host's real one: resolve the name here first.
     */
    private List<String> withExtraPath(List<String> argv) {
        if (extraPath.isEmpty() || argv.isEmpty() || argv.get(0).contains("/")) return argv;
        for (Path dir : extraPath) {
            Path candidate = dir.resolve(argv.get(0));
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                List<String> out = new ArrayList<>(argv);
                out.set(0, candidate.toAbsolutePath().toString());
                return out;
            }
        }
        return argv;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
    }
}
