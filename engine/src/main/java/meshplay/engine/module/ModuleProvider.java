package meshplay.engine.module;

import java.util.List;

/** A set of modules, registered in META-INF/services/meshplay.engine.module.ModuleProvider. */
public interface ModuleProvider {
    List<Module> modules();
}
