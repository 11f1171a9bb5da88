package meshplay.modules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

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
        for (Module m : new ClusterModules().modules()) {
            assertFalse(m.spec().description().isBlank(), m.name());
            for (ArgSpec.Arg a : m.spec().args().values()) {
                assertFalse(a.description().isBlank(), m.name() + " " + a.name());
            }
        }
    }
}
