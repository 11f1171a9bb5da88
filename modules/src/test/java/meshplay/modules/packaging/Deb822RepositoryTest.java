package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import meshplay.modules.net.TestHttp;
import org.junit.jupiter.api.Test;

/** deb822_repository on a temporary root: the Proxmox VE 9 repository files. */
class Deb822RepositoryTest extends TempRootTest {
    final Deb822RepositoryModule module = new Deb822RepositoryModule();

    static final String PVE_NO_SUB = """
            Components: pve-no-subscription
            X-Repolib-Name: Proxmox VE No-Subscription
            Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
            Suites: trixie
            Types: deb
            URIs: http://download.proxmox.com/debian/pve
            """;

    Map<String, Object> pveNoSubscription() {
        return args("name", "Proxmox VE No-Subscription", "types", List.of("deb"), "uris", "http://download.proxmox.com/debian/pve",
                "suites", List.of("trixie"), "components", List.of("pve-no-subscription"),
                "signed_by", "/usr/share/keyrings/proxmox-archive-keyring.gpg");
    }

    @Test
    void writesTheFileInAnsiblesFieldOrderOnceAndCheckPredictsIt() throws Exception {
        Outcome checked = check(module, pveNoSubscription(), conn);
        assertTrue(checked.changed());
        assertFalse(root.exists("/etc/apt/sources.list.d/proxmox-ve-no-subscription.sources"));
        Outcome first = apply(module, pveNoSubscription(), conn);
        assertTrue(first.changed());
        assertEquals(checked.plan().diffs(), first.plan().diffs());
        String path = "/etc/apt/sources.list.d/proxmox-ve-no-subscription.sources";
        assertEquals(PVE_NO_SUB, root.read(path));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path(path))));
        assertEquals(path, first.result().data().get("dest"));
        assertEquals(PVE_NO_SUB, first.result().data().get("repo"));
        assertFalse(apply(module, pveNoSubscription(), conn).changed());
        assertFalse(check(module, pveNoSubscription(), conn).changed());
    }

    @Test
    void aFileWithTheSameFieldsInAnotherOrderIsKept() throws Exception {
        String proxmox = """
                Types: deb
                URIs: http://download.proxmox.com/debian/pve
                Suites: trixie
                Components: pve-no-subscription
                Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
                X-Repolib-Name: Proxmox VE No-Subscription
                """;
        root.file("/etc/apt/sources.list.d/proxmox-ve-no-subscription.sources", proxmox);
        assertFalse(apply(module, pveNoSubscription(), conn).changed());
        assertEquals(proxmox, root.read("/etc/apt/sources.list.d/proxmox-ve-no-subscription.sources"));
    }

    @Test
    void disablingTheEnterpriseRepositoryRewritesItWithEnabledNo() throws Exception {
        root.file("/etc/apt/sources.list.d/pve-enterprise.sources", """
                Types: deb
                URIs: https://enterprise.proxmox.com/debian/pve
                Suites: trixie
                Components: pve-enterprise
                Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
                """);
        Map<String, Object> a = args("name", "pve-enterprise", "uris", List.of("https://enterprise.proxmox.com/debian/pve"),
                "suites", "trixie", "components", "pve-enterprise", "signed_by", "/usr/share/keyrings/proxmox-archive-keyring.gpg",
                "enabled", false);
        Outcome first = apply(module, a, conn);
        assertTrue(first.changed());
        String after = root.read("/etc/apt/sources.list.d/pve-enterprise.sources");
        assertTrue(after.contains("Enabled: no\n"), after);
        assertTrue(after.startsWith("Components: pve-enterprise\nEnabled: no\nX-Repolib-Name: pve-enterprise\n"), after);
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void slugFollowsAnsible() {
        assertEquals("proxmox-ve-no-sub-x", Deb822RepositoryModule.Arguments.slug("Proxmox VE (No-Sub)__x"));
    }

    @Test
    void absentRemovesTheFileAndADownloadedKey() throws Exception {
        root.file("/etc/apt/sources.list.d/ceph.sources", "Types: deb\n");
        root.file("/etc/apt/keyrings/ceph.asc", "key\n");
        Map<String, Object> a = args("name", "ceph", "state", "absent");
        assertTrue(check(module, a, conn).changed());
        assertTrue(root.exists("/etc/apt/sources.list.d/ceph.sources"));
        assertTrue(apply(module, a, conn).changed());
        assertFalse(root.exists("/etc/apt/sources.list.d/ceph.sources"));
        assertFalse(root.exists("/etc/apt/keyrings/ceph.asc"));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void anInlineKeyIsWrittenAsAMultilineField() throws Exception {
        Map<String, Object> a = args("name", "x", "uris", "http://x.example/", "suites", "stable",
                "signed_by", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF\n-----END PGP PUBLIC KEY BLOCK-----\n");
        apply(module, a, conn);
        assertEquals("Signed-By:\n    -----BEGIN PGP PUBLIC KEY BLOCK-----\n    .\n    mQINBF\n    -----END PGP PUBLIC KEY BLOCK-----\n"
                + "Suites: stable\nTypes: deb\nURIs: http://x.example/\n",
                root.read("/etc/apt/sources.list.d/x.sources").substring("X-Repolib-Name: x\n".length()));
        assertFalse(apply(module, a, conn).changed());
    }

    @Test
    void aSignedByUrlIsDownloadedIntoTheKeyrings() throws Exception {
        String armored = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----\n";
        try (TestHttp http = TestHttp.serving("/key.asc", armored)) {
            Map<String, Object> a = args("name", "ceph squid", "uris", "http://download.proxmox.com/debian/ceph-squid", "suites", "trixie",
                    "components", "no-subscription", "signed_by", http.url("/key.asc"));
            Outcome checked = check(module, a, conn);
            assertEquals(2, checked.plan().changes().size());
            assertFalse(root.exists("/etc/apt/keyrings/ceph-squid.asc"));
            Outcome first = apply(module, a, conn);
            assertEquals(armored, root.read("/etc/apt/keyrings/ceph-squid.asc"));
            assertEquals("/etc/apt/keyrings/ceph-squid.asc", first.result().data().get("key_filename"));
            assertTrue(root.read("/etc/apt/sources.list.d/ceph-squid.sources").contains("Signed-By: /etc/apt/keyrings/ceph-squid.asc\n"));
            assertFalse(apply(module, a, conn).changed());
        }
    }

    @Test
    void aKeyUrlThatFailsNamesTheStatus() throws Exception {
        try (TestHttp http = TestHttp.serving("/key.asc", "k")) {
            ModuleFailure f = org.junit.jupiter.api.Assertions.assertThrows(ModuleFailure.class,
                    () -> apply(module, args("name", "x", "signed_by", http.url("/missing")), conn));
            assertTrue(f.getMessage().contains("HTTP Error 404"), f.getMessage());
        }
    }
}
