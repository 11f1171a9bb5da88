package meshplay.modules.packaging;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

/** package_facts and service_facts against fake dpkg-query and systemctl with real output shapes. */
class FactsModulesTest extends TempRootTest {

    @Test
    @SuppressWarnings("unchecked")
    void packageFactsListsInstalledPackagesOnly() throws Exception {
        root.fakeTool("dpkg-query", "printf 'ii \\tfrr\\t10.2.2-1+pve1\\tamd64\\tnet\\nrc \\told\\t1.0\\tamd64\\tadmin\\nii \\tlibc6\\t2.41-12\\tamd64\\tlibs\\nii \\tlibc6\\t2.41-12\\ti386\\tlibs\\n'");
        Outcome r = apply(new PackageFactsModule(), args(), conn);
        assertFalse(r.changed());
        Map<String, Object> packages = (Map<String, Object>) ((Map<String, Object>) r.result().data().get("ansible_facts")).get("packages");
        assertEquals(List.of("frr", "libc6"), List.copyOf(packages.keySet()));
        assertEquals(List.of(Map.of("name", "frr", "version", "10.2.2-1+pve1", "arch", "amd64", "category", "net", "source", "apt")),
                packages.get("frr"));
        assertEquals(2, ((List<?>) packages.get("libc6")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceFactsReadUnitsAndUnitFilesAsAnsibleDoes() throws Exception {
        root.fakeTool("systemctl", """
                case "$1" in
                list-units) cat <<'OUT'
                  UNIT                    LOAD      ACTIVE   SUB     DESCRIPTION
                  frr.service             loaded    active   running FRRouting
                ● ceph-osd@3.service      not-found inactive dead    ceph-osd@3.service
                  ssh.service             loaded    inactive dead    OpenBSD Secure Shell server
                OUT
                ;;
                list-unit-files) cat <<'OUT'
                UNIT FILE               STATE    PRESET
                frr.service             enabled  enabled
                ssh.service             disabled enabled
                pvefw-logger.service    static   -
                OUT
                ;;
                show) echo ActiveState=inactive;;
                esac""");
        Outcome checked = check(new ServiceFactsModule(), args(), conn);
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) checked.plan().data().get("ansible_facts")).get("services");
        assertEquals(Map.of("name", "frr.service", "state", "running", "status", "enabled", "source", "systemd"), services.get("frr.service"));
        assertEquals(Map.of("name", "ceph-osd@3.service", "state", "stopped", "status", "not-found", "source", "systemd"),
                services.get("ceph-osd@3.service"));
        assertEquals(Map.of("name", "ssh.service", "state", "stopped", "status", "disabled", "source", "systemd"), services.get("ssh.service"));
        assertEquals(Map.of("name", "pvefw-logger.service", "state", "inactive", "status", "static", "source", "systemd"),
                services.get("pvefw-logger.service"));
    }
}
