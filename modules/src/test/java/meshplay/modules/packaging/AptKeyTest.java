package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import meshplay.modules.net.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apt_key on a temporary root with a key made by gpg (test-key.asc/.gpg; gpg printed the fingerprint
 * below), so the fingerprints computed here are checked against gpg's.
 */
class AptKeyTest extends TempRootTest {
    static final String FINGERPRINT = "246A9E7509435845187225411E7B84C0F42CAD83";
    final AptKeyModule module = new AptKeyModule();
    String armored;
    byte[] binary;

    @BeforeEach
    void load() throws Exception {
        armored = new String(getClass().getResourceAsStream("/apt/test-key.asc").readAllBytes(), StandardCharsets.US_ASCII);
        binary = getClass().getResourceAsStream("/apt/test-key.gpg").readAllBytes();
        PackagingFakes.find(root);
    }

    @Test
    void fingerprintsAndDearmorAgreeWithGpg() {
        assertEquals(List.of(FINGERPRINT), OpenPgpKeys.fingerprints(binary).subList(0, 1));
        assertArrayEquals(binary, OpenPgpKeys.dearmor(armored.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(OpenPgpKeys.matches("0x1E7B84C0F42CAD83", OpenPgpKeys.fingerprints(binary)));
        assertTrue(OpenPgpKeys.matches("f42cad83", OpenPgpKeys.fingerprints(binary)));
        assertFalse(OpenPgpKeys.matches("DEADBEEF", OpenPgpKeys.fingerprints(binary)));
    }

    @Test
    void anArmoredKeyGoesToTrustedGpgDOnce() throws Exception {
        Map<String, Object> a = args("id", "F42CAD83", "data", armored);
        Outcome checked = check(module, a, conn);
        assertTrue(checked.changed());
        assertFalse(root.exists("/etc/apt/trusted.gpg.d/1E7B84C0F42CAD83.asc"));
        Outcome first = apply(module, a, conn);
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        assertEquals(armored, root.read("/etc/apt/trusted.gpg.d/1E7B84C0F42CAD83.asc"));
        assertEquals(FINGERPRINT, first.result().data().get("fp"));
        assertEquals("F42CAD83", first.result().data().get("short_id"));
        assertFalse(apply(module, a, conn).changed());
        // with only the id, a key that is there is fine
        assertFalse(apply(module, args("id", FINGERPRINT), conn).changed());
    }

    @Test
    void aKeyringEndingInGpgGetsTheBinaryKeyFromAUrl() throws Exception {
        try (TestHttp http = TestHttp.serving("/proxmox.asc", armored)) {
            Map<String, Object> a = args("url", http.url("/proxmox.asc"), "keyring", "/usr/share/keyrings/test.gpg");
            assertTrue(apply(module, a, conn).changed());
            assertArrayEquals(binary, Files.readAllBytes(root.path("/usr/share/keyrings/test.gpg")));
            assertFalse(apply(module, a, conn).changed());
        }
    }

    @Test
    void aWrongIdAndAMissingKeyFail() {
        ModuleFailure wrong = assertThrows(ModuleFailure.class, () -> apply(module, args("id", "DEADBEEF", "data", armored), conn));
        assertTrue(wrong.getMessage().contains("does not have the ID DEADBEEF"), wrong.getMessage());
        ModuleFailure missing = assertThrows(ModuleFailure.class, () -> apply(module, args("id", "DEADBEEF"), conn));
        assertTrue(missing.getMessage().contains("is in no APT keyring"), missing.getMessage());
    }

    @Test
    void absentRemovesTheKeyringThatHoldsTheId() throws Exception {
        Files.createDirectories(root.path("/etc/apt/trusted.gpg.d"));
        Files.write(root.path("/etc/apt/trusted.gpg.d/test.gpg"), binary);
        root.file("/etc/apt/trusted.gpg.d/other.asc", "not a key\n");
        Map<String, Object> a = args("id", "1E7B84C0F42CAD83", "state", "absent");
        assertTrue(check(module, a, conn).changed());
        assertTrue(apply(module, a, conn).changed());
        assertFalse(root.exists("/etc/apt/trusted.gpg.d/test.gpg"));
        assertTrue(root.exists("/etc/apt/trusted.gpg.d/other.asc"));
        assertFalse(apply(module, a, conn).changed());
    }
}
