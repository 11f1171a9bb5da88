package meshplay.modules.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;
import meshplay.modules.files.FilesModules;
import org.junit.jupiter.api.Test;

/** The system and file modules are registered for ServiceLoader, named as in Ansible, and documented for `meshplay doc`. */
class ProvidersTest {
    static final Set<String> NAMES = Set.of("user", "group", "authorized_key", "hostname", "mount", "cron", "known_hosts", "getent",
            "replace", "slurp", "fetch", "find", "raw", "script", "tempfile");

    @Test
    void bothProvidersAreFoundAndNameEveryModuleOnce() {
        List<String> found = ServiceLoader.load(ModuleProvider.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(found.contains(SystemModules.class.getName()) && found.contains(FilesModules.class.getName()), found.toString());
        Set<String> names = new TreeSet<>();
        for (ModuleProvider p : List.of(new SystemModules(), new FilesModules())) {
            for (Module m : p.modules()) assertTrue(names.add(m.name()), "unique name " + m.name());
        }
        assertEquals(new TreeSet<>(NAMES), names);
        Set<String> all = new HashSet<>();
        for (ModuleProvider p : ServiceLoader.load(ModuleProvider.class)) {
            for (Module m : p.modules()) assertTrue(all.add(m.name()), "no other provider has " + m.name());
        }
    }

    @Test
    void everyModuleAndArgumentIsDocumented() {
        for (ModuleProvider p : List.of(new SystemModules(), new FilesModules())) {
            for (Module m : p.modules()) {
                ArgSpec spec = m.spec();
                assertFalse(spec.description().isBlank(), m.name() + " has a description");
                for (ArgSpec.Arg a : spec.args().values()) assertFalse(a.description().isBlank(), m.name() + "." + a.name() + " has a description");
            }
        }
    }
}
