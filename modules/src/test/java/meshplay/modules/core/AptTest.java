package meshplay.modules.core;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.FakePackages;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apt against fake dpkg-query/apt-get/apt-cache that keep package state under the temp root. */
class AptTest extends TempRootTest {
    final AptModule module = new AptModule();

    @BeforeEach
    void setUp() throws Exception {
        root.fakeTool("dpkg-query", FakePackages.DPKG_QUERY);
        root.fakeTool("apt-cache", FakePackages.APT_CACHE_POLICY);
        root.fakeTool("apt-get", """
                echo "$DEBIAN_FRONTEND $*" >> "$MESHPLAY_TEST_ROOT/apt.log"
                mkdir -p "$MESHPLAY_TEST_ROOT/fakedpkg"
                op=""; purge=no
                for a in "$@"; do
                  case "$a" in
                    update) mkdir -p "$MESHPLAY_TEST_ROOT/var/lib/apt/periodic"; touch "$MESHPLAY_TEST_ROOT/var/lib/apt/periodic/update-success-stamp";;
                    install|remove) op=$a;;
                    --purge) purge=yes;;
                    -*|Dpkg::*) ;;
                    *)
                      p=${a%%=*}; v=${a#*=}
                      if [ "$op" = install ]; then
                        [ "$v" = "$a" ] && v=$(cat "$MESHPLAY_TEST_ROOT/fakerepo/$p" 2>/dev/null) || true
                        [ -n "$v" ] || { echo "E: Unable to locate package $p" >&2; exit 100; }
                        printf 'install ok installed\\t%s\\n' "$v" > "$MESHPLAY_TEST_ROOT/fakedpkg/$p"
                      elif [ "$op" = remove ]; then
                        if [ $purge = yes ]; then rm -f "$MESHPLAY_TEST_ROOT/fakedpkg/$p"; else printf 'deinstall ok config-files\\t1\\n' > "$MESHPLAY_TEST_ROOT/fakedpkg/$p"; fi
                      fi;;
                  esac
                done""");
        root.file("/fakerepo/iperf3", "3.12-1\n");
        root.file("/fakerepo/frr", "10.2-1\n");
    }

    private String log() throws Exception {
        return root.exists("/apt.log") ? root.read("/apt.log") : "";
    }

    @Test
    void installsMissingPackagesOnce() throws Exception {
        root.file("/fakedpkg/frr", "install ok installed\t10.2-1\n");
        Map<String, Object> a = args("name", List.of("iperf3", "frr"), "install_recommends", false);
        Outcome checked = check(module, a, conn);
        assertTrue(checked.changed());
        assertEquals("", log());
        assertEquals(List.of(Diff.state("packages", "iperf3 absent", "iperf3 installed")), checked.plan().diffs());
        Outcome first = apply(module, a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        String log = log();
        assertTrue(log.startsWith("noninteractive -y -q"), log);
        assertTrue(log.contains("--no-install-recommends install iperf3\n"), log);
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void pinnedVersionAndLatest() throws Exception {
        root.file("/fakedpkg/frr", "install ok installed\t10.1-1\n");
        Outcome present = apply(module, args("name", "frr"), conn);
        assertFalse(present.changed(), "present does not upgrade");
        Outcome latest = apply(module, args("name", "frr", "state", "latest"), conn);
        assertEquals(List.of(Diff.state("packages", "frr 10.1-1", "frr 10.2-1")), latest.plan().diffs());
        assertFalse(apply(module, args("name", "frr", "state", "latest"), conn).changed());
        Outcome pinned = apply(module, args("name", "frr=10.0-3"), conn);
        assertTrue(pinned.changed());
        assertTrue(root.read("/fakedpkg/frr").contains("10.0-3"));
        assertFalse(apply(module, args("name", "frr=10.0-3"), conn).changed());
    }

    @Test
    void removeAndPurge() throws Exception {
        root.file("/fakedpkg/iperf3", "install ok installed\t3.12-1\n");
        Outcome removed = apply(module, args("name", "iperf3", "state", "absent"), conn);
        assertTrue(removed.changed());
        assertTrue(log().contains("remove iperf3"));
        assertFalse(apply(module, args("name", "iperf3", "state", "absent"), conn).changed(), "config files left is absent");
        Outcome purged = apply(module, args("name", "iperf3", "state", "absent", "purge", true), conn);
        assertEquals(List.of(Diff.state("packages iperf3", "config files", "purged")), purged.plan().diffs());
        assertFalse(root.exists("/fakedpkg/iperf3"));
        assertFalse(apply(module, args("name", "iperf3", "state", "removed", "purge", true), conn).changed());
    }

    @Test
    void updateCacheHonoursCacheValidTime() throws Exception {
        Outcome first = apply(module, args("update_cache", true, "cache_valid_time", 3600), conn);
        assertTrue(first.changed());
        assertEquals(true, first.result().data().get("cache_updated"));
        assertTrue(log().contains("update"));
        Outcome second = apply(module, args("update_cache", true, "cache_valid_time", 3600), conn);
        assertFalse(second.changed());
        Files.setLastModifiedTime(root.path("/var/lib/apt/periodic/update-success-stamp"),
                FileTime.from(Instant.now().minusSeconds(7200)));
        assertTrue(check(module, args("update_cache", true, "cache_valid_time", 3600), conn).changed());
        assertTrue(check(module, args("update_cache", true), conn).changed(), "without cache_valid_time it always updates");
        assertTrue(check(module, args("cache_valid_time", 3600), conn).changed(), "cache_valid_time implies update_cache");
    }

    @Test
    void failingAptGetFailsTheTask() throws Exception {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> apply(module, args("name", "nosuchpkg"), conn));
        assertTrue(e.getMessage().contains("Unable to locate package nosuchpkg"), e.getMessage());
    }

    @Test
    void badArguments() {
        rejects(module, args("name", "x", "state", "newest"), conn, "is not one of");
        rejects(module, args("name", "x", "cache_valid_time", "an hour"), conn, "not a whole number");
        rejects(module, args("name", "x", "autoclean", true), conn, ") module: autoclean.");
        rejects(module, args("name", "x", "pkg", "y"), conn, "given twice");
        assertThrows(ModuleFailure.class, () -> check(module, args("state", "present"), conn));
    }
}
