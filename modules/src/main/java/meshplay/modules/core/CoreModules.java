package meshplay.modules.core;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The general-purpose built-in modules (files, commands, packages, services, facts, control flow). */
public final class CoreModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new CommandModule(), new ShellModule(), new CopyModule(), new TemplateModule(),
                new FileModule(), new LineInFileModule(), new BlockInFileModule(),
                new StatModule(), new AptModule(), new SystemdModule(),
                new RebootModule(), new WaitForModule(), new WaitForConnectionModule(),
                new DebugModule(), new AssertModule(), new FailModule(), new PauseModule(),
                new SetupModule());
    }
}
