package meshplay.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a shell script inside a private mount namespace ({@code unshare -m}) where a small tmpfs is
 * mounted on a temp directory: a full disk without touching the host's own mounts. The tmpfs and
 * everything on it vanish when the script ends, so the script checks what it needs and prints it.
 * Needs root and util-linux's unshare; tests are skipped with the reason otherwise.
 */
public final class PrivateTmpfs {
    private PrivateTmpfs() {
    }

    public static void assumeAvailable() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "a private tmpfs needs root (mount namespace)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare (util-linux) is not installed");
    }

    /** The script's combined output and exit code. */
    public record Outcome(int exit, String output) {
    }

    /**
     * Mounts a tmpfs of {@code sizeKb} KiB on {@code mountPoint} in a new mount namespace and runs
     * {@code script} there with sh; "$1" is the mount point and the further {@code args} follow.
     */
    public static Outcome run(Path mountPoint, int sizeKb, String script, String... args) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=" + sizeKb + "k meshplay-test \"$1\" || exit 90\n" + script, "sh", mountPoint.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the script in the private mount namespace did not end");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() == 90) throw new IllegalStateException("could not mount a tmpfs in a private namespace: " + text);
        return new Outcome(p.exitValue(), text);
    }

    /** The command line that runs {@code mainClass} in a JVM with this test JVM's class path. */
    public static String javaCommand(Class<?> mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return quote(java) + " -Xmx64m -cp " + quote(System.getProperty("java.class.path")) + " " + mainClass.getName();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
