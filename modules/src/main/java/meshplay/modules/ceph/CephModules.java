package meshplay.modules.ceph;

import java.util.List;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleProvider;

/** The Proxmox VE SDN, Ceph and storage modules. */
public final class CephModules implements ModuleProvider {
    @Override
    public List<Module> modules() {
        return List.of(new PveSdnModule(), new PveCephModule(), new CephOsdModule(), new CephConfigModule(),
                new CephPoolModule(), new PveStorageModule());
    }
}
