package meshplay.modules.files;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The modules that read, search, edit and move files between the host and the controller, and run raw commands. */
public final class FilesModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new ReplaceModule(), new SlurpModule(), new FetchModule(), new FindModule(), new RawModule(), new ScriptModule(), new TempfileModule());
    }
}
