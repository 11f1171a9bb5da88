package meshplay.modules.packaging;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The modules for Debian packages and APT sources, archives, and the package and service facts. */
public final class PackagingModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new Deb822RepositoryModule(), new AptRepositoryModule(), new PackageModule(), new DebconfModule(),
                new PackageFactsModule(), new ServiceFactsModule(), new AptKeyModule(),
                new UnarchiveModule());
    }
}
