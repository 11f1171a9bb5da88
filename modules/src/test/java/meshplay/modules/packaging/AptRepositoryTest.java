package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apt_repository on a temporary root, with find and apt-get as fakes (apt-get only records that it ran). */
class AptRepositoryTest extends TempRootTest {
    final AptRepositoryModule module = new AptRepositoryModule();
    static final String PVE = "deb http://download.proxmox.com/debian/pve bookworm pve-no-subscription";

    @BeforeEach
    void fakes() throws Exception {
        PackagingFakes.find(root);
        root.fakeTool("apt-get", "echo \"apt-get $*\" >> \"$MESHPLAY_TEST_ROOT/../calls.log\"");
    }

    private String calls() throws Exception {
        java.nio.file.Path log = root.root().getParent().resolve("calls.log");
        return java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
    }

    @Test
    void addsANewSourceInItsOwnFileOnceThenUpdatesTheCache() throws Exception {
        root.file("/etc/apt/sources.list", "deb http://deb.debian.org/debian bookworm main\n");
        Outcome checked = check(module, args("repo", PVE), conn);
        assertTrue(checked.changed());
        assertEquals("", calls());
        String file = "/etc/apt/sources.list.d/download_proxmox_com_debian_pve.list";
        assertEquals(Diff.file(file, null, PVE + "\n"), checked.plan().diffs().get(0));
        Outcome first = apply(module, args("repo", PVE), conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals(PVE + "\n", root.read(file));
        assertEquals("apt-get update -q\n", calls());
        assertEquals(Map.of("repo", PVE, "state", "present"), Map.copyOf(first.result().data()));
        assertFalse(apply(module, args("repo", PVE), conn).changed());
        assertEquals("apt-get update -q\n", calls());
    }

    @Test
    void aCommentedMatchIsEnabledInPlaceAndTheFileNormalised() throws Exception {
        root.file("/etc/apt/sources.list", "deb http://deb.debian.org/debian bookworm main\n#deb   http://download.proxmox.com/debian/pve  bookworm pve-no-subscription  # off\n");
        assertTrue(apply(module, args("repo", PVE, "update_cache", false), conn).changed());
        assertEquals("deb http://deb.debian.org/debian bookworm main\n" + PVE + " # off\n", root.read("/etc/apt/sources.list"));
        assertFalse(root.exists("/etc/apt/sources.list.d/download_proxmox_com_debian_pve.list"));
        assertEquals("", calls());
    }

    @Test
    void absentRemovesTheLineAndAnEmptyFile() throws Exception {
        root.file("/etc/apt/sources.list.d/pve-enterprise.list", "deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise\n");
        Map<String, Object> a = args("repo", "deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise", "state", "absent",
                "update_cache", false);
        assertTrue(check(module, a, conn).changed());
        assertTrue(root.exists("/etc/apt/sources.list.d/pve-enterprise.list"));
        assertTrue(apply(module, a, conn).changed());
        assertFalse(root.exists("/etc/apt/sources.list.d/pve-enterprise.list"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void filenameAndModeNameTheNewFile() throws Exception {
        apply(module, args("repo", PVE, "filename", "pve", "mode", "0600", "update_cache", false), conn);
        assertEquals(PVE + "\n", root.read("/etc/apt/sources.list.d/pve.list"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(root.path("/etc/apt/sources.list.d/pve.list"))));
    }

    @Test
    void fileNamesAreAnsibles() {
        assertEquals("download_proxmox_com_debian_pve.list", SourcesList.suggestFileName("deb [arch=amd64] https://user:pw@download.proxmox.com/debian/pve trixie x"));
        assertEquals("ppa_launchpad_net.list", SourcesList.suggestFileName("deb-src http://ppa.launchpad.net/ jammy main"));
    }

    @Test
    void anInvalidRepoLineIsRefused() {
        UserError e = assertThrows(UserError.class, () -> check(module, args("repo", "http://x.example/ bookworm main"), conn));
        assertTrue(e.getMessage().contains("argument 'repo' of module 'apt_repository': Invalid repository string: http://x.example/ bookworm main"),
                e.getMessage());
    }

    @Test
    void aFailingUpdateFailsTheTask() throws Exception {
        root.fakeTool("apt-get", "echo 'E: Failed to fetch' >&2; exit 100");
        ModuleFailure f = assertThrows(ModuleFailure.class, () -> apply(module, args("repo", PVE, "update_cache_retries", 1), conn));
        assertEquals("Failed to update apt cache: E: Failed to fetch", f.getMessage());
    }
}
