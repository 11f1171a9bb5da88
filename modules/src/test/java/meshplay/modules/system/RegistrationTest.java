package meshplay.modules.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

/** The system and file modules are registered for ServiceLoader, named as in Ansible, and documented for `meshplay doc`. */
class RegistrationTest {
    static final Set<String> NAMES = Set.of("user", "group", "authorized_key", "hostname", "mount", "cron", "known_hosts", "getent",
            "replace", "slurp", "fetch", "find", "raw", "script", "tempfile");

    static List<Module> registered() {
        return ModuleRegistry.load().modules().stream().filter(m -> Set.of("meshplay.modules.system", "meshplay.modules.files")
                .contains(m.getClass().getPackageName())).toList();
    }

    @Test
    void everyModuleIsRegisteredByItsAnsibleName() {
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(registered().stream().map(Module::name).toList()));
    }

    @Test
    void everyModuleAndArgumentIsDocumented() {
        for (Module m : registered()) {
            ArgSpec spec = m.spec();
            assertFalse(spec.description().isBlank(), m.name() + " has a description");
            for (ArgSpec.Arg a : spec.args().values()) assertFalse(a.description().isBlank(), m.name() + "." + a.name() + " has a description");
        }
    }
}
