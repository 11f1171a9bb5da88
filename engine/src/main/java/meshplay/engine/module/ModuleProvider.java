package meshplay.engine.module;

import java.util.List;

/**
 * A set of modules made at run time, registered in META-INF/services/meshplay.engine.module.ModuleProvider.
 * A single module class needs none: it is registered by its class name in
 * META-INF/services/meshplay.engine.module.Module (see {@link ModuleRegistry}).
 */
public interface ModuleProvider {
    List<Module> modules();
}
