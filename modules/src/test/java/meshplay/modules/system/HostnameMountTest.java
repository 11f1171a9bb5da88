package meshplay.modules.system;

import static meshplay.modules.core.Runs.apply;
import static meshplay.modules.core.Runs.args;
import static meshplay.modules.core.Runs.check;
import static meshplay.modules.core.Runs.converge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import meshplay.engine.module.Diff;
import meshplay.engine.testing.ModuleHarness;
import org.junit.jupiter.api.Test;

/** hostname and mount in the system sandbox: the namespace's hostname and mounts change, the host's never do. */
class HostnameMountTest extends SandboxedTest {
    @Test
    void hostnameSetsTheRunningNameAndEtcHostnameAndTheFacts() throws Exception {
        HostnameModule module = new HostnameModule();
        String before = sandbox.sh("hostname").strip();
        ModuleHarness.Outcome o = converge(module, args("name", "pve1.lab.example"), host);
        assertEquals("pve1.lab.example", sandbox.sh("hostname").strip());
        assertEquals("pve1.lab.example\n", sandbox.sh("cat /etc/hostname"));
        assertEquals(Diff.state("hostname", before, "pve1.lab.example"), o.plan().diffs().get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) o.result().data().get("ansible_facts");
        assertEquals("pve1", facts.get("ansible_hostname"));
        assertEquals("lab.example", facts.get("ansible_domain"));
    }

    @Test
    void hostnameThroughHostnamectlWithUseSystemd() throws Exception {
        converge(new HostnameModule(), args("name", "pve2", "use", "systemd"), host);
        assertEquals("pve2", sandbox.sh("hostname").strip());
        assertEquals("pve2\n", sandbox.sh("cat /etc/hostname"));
    }

    @Test
    void mountedAddsTheFstabLineMountsAndRemountsWhenOptionsChange() throws Exception {
        String point = dir.resolve("data").toString();
        MountModule module = new MountModule();
        String fstabBefore = sandbox.sh("cat /etc/fstab");
        ModuleHarness.Outcome first = converge(module, args("path", point, "src", "mptmp", "fstype", "tmpfs", "opts", "size=1m",
                "state", "mounted"), host);
        assertEquals(fstabBefore + "mptmp " + point + " tmpfs size=1m 0 0\n", sandbox.sh("cat /etc/fstab"));
        assertTrue(sandbox.sh("findmnt -n -o FSTYPE,OPTIONS " + point).contains("size=1024k"), "mounted with the options");
        assertEquals(3, first.plan().changes().size(), "mount point, fstab line, mount");

        ModuleHarness.Outcome grown = converge(module, args("path", point, "src", "mptmp", "fstype", "tmpfs", "opts", "size=2m",
                "state", "mounted"), host);
        assertEquals("remount " + point, grown.plan().changes().get(1).summary());
        assertTrue(sandbox.sh("findmnt -n -o OPTIONS " + point).contains("size=2048k"), "remounted with the new options");

        converge(module, args("path", point, "state", "unmounted"), host);
        assertEquals("", host.exec(meshplay.engine.connect.ExecRequest.shell("findmnt -n " + point)).stdout());
        converge(module, args("path", point, "state", "mounted", "src", "mptmp", "fstype", "tmpfs", "opts", "size=2m"), host);
        converge(module, args("path", point, "state", "absent"), host);
        assertEquals(fstabBefore, sandbox.sh("cat /etc/fstab"));
        assertFalse(Files.exists(Path.of(point)), "the empty mount point is removed");
    }

    @Test
    void presentOnlyWritesFstabAndBootFalseAddsNoauto() throws Exception {
        MountModule module = new MountModule();
        var o = converge(module, args("path", "/srv/my share", "src", "nas:/export", "fstype", "nfs", "opts", "ro",
                "boot", false, "state", "present"), host);
        assertTrue(sandbox.sh("cat /etc/fstab").endsWith("nas:/export /srv/my\\040share nfs ro,noauto 0 0\n"));
        assertEquals("no", o.result().data().get("boot"));
        assertFalse(check(module, args("path", "/srv/my share", "state", "absent_from_fstab"), host).plan().changes().isEmpty());
        apply(module, args("path", "/srv/my share", "state", "absent_from_fstab"), host);
        assertFalse(sandbox.sh("cat /etc/fstab").contains("nas:/export"));
    }
}
