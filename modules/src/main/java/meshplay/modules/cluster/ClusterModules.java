package meshplay.modules.cluster;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The modules that configure a cluster node's kernel, links and network files. */
public final class ClusterModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new Kmod(), new SystemdLink(), new UdevRule(), new Interfaces(), new Sysctl());
    }
}
