package meshplay.modules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.error.UserError;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterModulesTest {
    @Test
    void registeredThroughServiceLoader() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : new String[]{"kmod", "systemd-link", "udev-rule", "interfaces", "sysctl"}) {
            assertNotNull(registry.find(name), name);
        }
        assertEquals("kmod", registry.find("community.general.modprobe").name());
        assertEquals("sysctl", registry.find("ansible.posix.sysctl").name());
    }

    @Test
    void everyArgumentIsDocumented() {
        for (Module m : registered()) {
            assertFalse(m.spec().description().isBlank(), m.name());
            for (ArgSpec.Arg a : m.spec().args().values()) {
                assertFalse(a.description().isBlank(), m.name() + " " + a.name());
            }
        }
    }

    @Test
    void relativeFilePathsAreRejectedNamingTheArgument(@TempDir Path dir) throws Exception {
        TempRoot root = new TempRoot(dir);
        new FakeTools(root);
        Object[][] cases = {
                {new SysctlModule(), "file", new Object[]{"name", "vm.swappiness", "value", 10, "file", "sysctl.d/x.conf"}},
                {new InterfacesModule(), "path", new Object[]{"iface", "en05", "method", "manual", "path", "interfaces"}},
                {new KmodModule(), "persistent_file", new Object[]{"name", "thunderbolt", "persistent", "present", "persistent_file", "modules"}},
                {new SystemdLinkModule(), "path", new Object[]{"path", "00-tb.link", "match", LinkFileTest.map("Driver", "thunderbolt-net"),
                        "link", LinkFileTest.map("Name", "en05")}},
                {new UdevRuleModule(), "path", new Object[]{"path", "10-tb.rules", "rules", java.util.List.of("# x")}},
        };
        for (Object[] c : cases) {
            Module m = (Module) c[0];
            UserError e = assertThrows(UserError.class, () -> Runs.check(m, root.connection(), (Object[]) c[2]), m.name());
            assertTrue(e.getMessage().contains("argument '" + c[1] + "' of module '" + m.name() + "'")
                    && e.getMessage().contains("is not an absolute path"), e.getMessage());
        }
    }

    /** The modules of this package that the registry found. */
    static List<Module> registered() {
        return ModuleRegistry.load().modules().stream()
                .filter(m -> m.getClass().getPackageName().equals("meshplay.modules.cluster")).toList();
    }
}
