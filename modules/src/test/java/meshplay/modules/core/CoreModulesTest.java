package meshplay.modules.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import meshplay.engine.module.PlanKind;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

/** The provider registers every core module, and every module documents itself for `meshplay doc`. */
class CoreModulesTest {
    static final List<String> NAMES = List.of("command", "shell", "copy", "template", "file", "lineinfile", "blockinfile", "stat",
            "apt", "systemd", "reboot", "wait_for", "wait_for_connection", "debug", "assert", "fail", "pause", "setup");

    @Test
    void serviceLoaderFindsEveryModuleByNameAndFqcn() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : NAMES) {
            Module m = registry.find(name);
            assertEquals(name, m == null ? null : m.name(), "registered: " + name);
            assertSame(m.getClass(), registry.find("ansible.builtin." + name).getClass());
        }
        assertEquals(NAMES.size(), registered().size());
    }

    @Test
    void everyModuleAndArgumentIsDocumented() {
        Set<String> seen = new HashSet<>();
        for (Module m : registered()) {
            assertTrue(seen.add(m.name()), "unique name " + m.name());
            ArgSpec spec = m.spec();
            assertFalse(spec.description().isBlank(), m.name() + " has a description");
            for (ArgSpec.Arg a : spec.args().values()) {
                assertFalse(a.description().isBlank(), m.name() + "." + a.name() + " has a description");
            }
        }
    }

    @Test
    void onlyControlModulesRunOnTheController() {
        for (Module m : registered()) {
            PlanKind expected = Set.of("debug", "assert", "fail", "pause").contains(m.name()) ? PlanKind.CONTROLLER_ONLY
                    : Set.of("command", "shell").contains(m.name()) ? PlanKind.RUN_TO_PREDICT : PlanKind.HOST;
            assertEquals(expected, m.kind(), m.name());
        }
    }

    /** The modules of this package that the registry found. */
    static List<Module> registered() {
        return ModuleRegistry.load().modules().stream()
                .filter(m -> m.getClass().getPackageName().equals("meshplay.modules.core")).toList();
    }
}
