package meshplay.modules.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Args;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.modules.core.AptModule;

/**
 * package: the generic package module. On the Debian hosts meshplay manages the package manager is
 * apt, so the task is handed to the apt module with the same arguments (as Ansible's package action
 * hands it to the module it detects); use: must be auto or apt.
 */
public final class PackageModule extends BaseModule<PackageModule.Arguments> {
    private static final AptModule APT = new AptModule();

    enum Use { AUTO, APT }

    /** The typed arguments: package's own, then the apt arguments passed on when given. */
    record Arguments(List<String> name, String state, Use use, Boolean updateCache, Integer cacheValidTime, Boolean purge,
                     Boolean installRecommends) {
        /** The arguments for the apt module, as the task wrote them. */
        Map<String, Object> forApt() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("state", state);
            a.put("update_cache", updateCache);
            a.put("cache_valid_time", cacheValidTime);
            a.put("purge", purge);
            a.put("install_recommends", installRecommends);
            a.values().removeIf(java.util.Objects::isNull);
            return a;
        }
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Installs or removes packages with the host's package manager; on Debian and Proxmox VE that is apt, and the "
                            + "task runs as the apt module with the same arguments (see `meshplay doc apt`).")
            .add(ArgSpec.arg("name", ArgType.LIST).elements(ArgType.STR).required().aliases("pkg").doc("package names (name or name=version)"))
            .add(ArgSpec.arg("state", ArgType.STR).required().choices("present", "installed", "absent", "removed", "latest")
                    .doc("present/installed, absent/removed, or latest"))
            .add(ArgSpec.choice("use", Use.class).defaultValue(Use.AUTO).doc("the package manager module: auto (apt here) or apt"))
            .add(ArgSpec.arg("update_cache", ArgType.BOOL).aliases("update-cache").doc("passed to apt: run apt-get update first"))
            .add(ArgSpec.arg("cache_valid_time", ArgType.INT).doc("passed to apt"))
            .add(ArgSpec.arg("purge", ArgType.BOOL).doc("passed to apt"))
            .add(ArgSpec.arg("install_recommends", ArgType.BOOL).aliases("install-recommends").doc("passed to apt"))
            .build();

    public PackageModule() {
        super("package", SPEC, Arguments.class);
    }

    private static ModuleContext asApt(ModuleContext ctx, Arguments args) {
        Args apt = ArgValidator.validate(APT.name(), APT.spec(), args.forApt(), k -> ctx.origin(), ctx.origin());
        return new DelegatedContext(ctx, apt);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        return APT.plan(asApt(ctx, args));
    }

    @Override
    protected ModuleResult apply(ModuleContext ctx, Arguments args, Plan plan) throws Exception {
        return APT.apply(asApt(ctx, args), plan);
    }
}
