package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static meshplay.engine.testing.ModuleRuns.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.testing.FakePackages;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** package against fake dpkg-query and apt-get on a temporary root: it runs as apt. */
class PackageTest extends TempRootTest {
    final PackageModule module = new PackageModule();

    @BeforeEach
    void fakes() throws Exception {
        root.fakeTool("dpkg-query", FakePackages.DPKG_QUERY);
        root.fakeTool("apt-cache", FakePackages.APT_CACHE_POLICY);
        root.fakeTool("apt-get", """
                echo "$*" >> "$MESHPLAY_TEST_ROOT/apt.log"
                mkdir -p "$MESHPLAY_TEST_ROOT/fakedpkg"
                op=""
                for a in "$@"; do
                  case "$a" in
                    update) mkdir -p "$MESHPLAY_TEST_ROOT/var/lib/apt/periodic"; touch "$MESHPLAY_TEST_ROOT/var/lib/apt/periodic/update-success-stamp";;
                    install|remove) op=$a;;
                    -*|Dpkg::*) ;;
                    *) if [ "$op" = install ]; then printf 'install ok installed\\t1.0\\n' > "$MESHPLAY_TEST_ROOT/fakedpkg/$a";
                       else rm -f "$MESHPLAY_TEST_ROOT/fakedpkg/$a"; fi;;
                  esac
                done""");
    }

    @Test
    void installsThroughAptOnceAndCheckPredictsIt() throws Exception {
        Map<String, Object> a = args("name", List.of("iperf3"), "state", "present", "update_cache", true, "cache_valid_time", 3600);
        Outcome checked = check(module, a, conn);
        assertFalse(root.exists("/apt.log"));
        Outcome first = apply(module, a, conn);
        assertTrue(first.changed());
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertTrue(checked.plan().diffs().contains(Diff.state("packages", "iperf3 absent", "iperf3 installed")));
        assertTrue(root.exists("/fakedpkg/iperf3"));
        assertTrue(root.exists("/var/lib/apt/periodic/update-success-stamp"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void removes() throws Exception {
        root.file("/fakedpkg/nano", "install ok installed\t7.2\n");
        assertTrue(apply(module, args("name", "nano", "state", "absent"), conn).changed());
        assertFalse(root.exists("/fakedpkg/nano"));
        assertFalse(apply(module, args("name", "nano", "state", "absent"), conn).changed());
    }

    @Test
    void stateIsRequiredAndUseMustBeApt() {
        rejects(module, args("name", "x"), conn, "state");
        rejects(module, args("name", "x", "state", "present", "use", "yum"), conn, "use");
    }
}
