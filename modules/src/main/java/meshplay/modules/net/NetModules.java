package meshplay.modules.net;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The modules that make HTTP requests from the controller: get_url and uri. */
public final class NetModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new GetUrlModule(), new UriModule());
    }
}
