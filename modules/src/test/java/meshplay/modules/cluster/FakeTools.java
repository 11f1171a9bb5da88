package meshplay.modules.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import meshplay.engine.testing.TempRoot;

/**
 * Fake system tools for module tests: each records its command line in a log next to the temporary
 * root, so tests assert exactly which tools ran (and that none ran in check mode). Some also change
 * the temporary root the way the real tool changes the host (modprobe edits proc/modules, sysctl -w
 * writes proc/sys), so a second run sees the new state.
 */
final class FakeTools {
    private final TempRoot root;
    private final Path log;

    /** Every tool a cluster module may run starts as a recording fake, so the host's real one can never run. */
    FakeTools(TempRoot root) throws IOException {
        this.root = root;
        this.log = root.root().getParent().resolve("calls.log");
        for (String tool : List.of("modprobe", "sysctl", "udevadm", "ifreload")) recording(tool);
        uname("6.14.8-2-pve");
    }

    private static final String RECORD = "echo \"$(basename \"$0\") $*\" >> \"$MESHPLAY_TEST_ROOT/../calls.log\"\n";

    FakeTools uname(String release) throws IOException {
        root.fakeTool("uname", "echo " + release);
        return this;
    }

    FakeTools modprobe() throws IOException {
        root.fakeTool("modprobe", RECORD
                + "mods=\"$MESHPLAY_TEST_ROOT/proc/modules\"\n"
                + "if [ \"$1\" = -r ]; then n=$(echo \"$2\" | tr - _); grep -v \"^$n \" \"$mods\" > \"$mods.tmp\"; mv \"$mods.tmp\" \"$mods\"\n"
                + "else n=$(echo \"$1\" | tr - _); echo \"$n 28672 0 - Live 0x0000000000000000\" >> \"$mods\"; fi");
        return this;
    }

    FakeTools failing(String tool, String stderr) throws IOException {
        root.fakeTool(tool, RECORD + "echo '" + stderr + "' >&2\nexit 1");
        return this;
    }

    FakeTools recording(String tool) throws IOException {
        root.fakeTool(tool, RECORD);
        return this;
    }

    /** sysctl -w a.b=v writes v to proc/sys/a/b; other forms are only recorded. */
    FakeTools sysctl() throws IOException {
        root.fakeTool("sysctl", RECORD
                + "if [ \"$1\" = -w ]; then k=${2%%=*}; v=${2#*=}; p=\"$MESHPLAY_TEST_ROOT/proc/sys/$(echo \"$k\" | tr . /)\";\n"
                + "  mkdir -p \"$(dirname \"$p\")\"; echo \"$v\" > \"$p\"; echo \"$k = $v\"; fi");
        return this;
    }

    /** The recorded command lines, oldest first. */
    List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void clear() throws IOException {
        Files.deleteIfExists(log);
    }
}
