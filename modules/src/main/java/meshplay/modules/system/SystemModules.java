package meshplay.modules.system;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The modules that manage a host's accounts, name, mounts, scheduled jobs and SSH trust. */
public final class SystemModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new UserModule(), new GroupModule(), new AuthorizedKeyModule(), new HostnameModule(), new MountModule(), new CronModule(), new KnownHostsModule(), new GetentModule());
    }
}
