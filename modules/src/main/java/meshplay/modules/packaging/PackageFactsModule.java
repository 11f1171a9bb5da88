package meshplay.modules.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * package_facts: the installed Debian packages as the fact {@code packages}: a map from name to a list
 * of {name, version, arch, category, source: apt}, one entry per installed architecture, as Ansible's
 * apt backend reports them (read with dpkg-query, so no Python library is needed on the host).
 */
public final class PackageFactsModule extends BaseModule<PackageFactsModule.Arguments> {

    /** The typed arguments. */
    record Arguments(List<String> manager, String strategy) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Sets the fact 'packages': every installed package by name, each a list of {name, version, arch, category, "
                            + "source}. Reads dpkg's database (the apt manager).")
            .add(ArgSpec.arg("manager", ArgType.LIST).elements(ArgType.STR).defaultValue(List.of("auto"))
                    .doc("auto or apt (the package managers of Debian and Proxmox VE)"))
            .add(ArgSpec.arg("strategy", ArgType.STR).defaultValue("first").choices("first", "all").doc("accepted for compatibility"))
            .build();

    public PackageFactsModule() {
        super("package_facts", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        for (String m : a.manager()) {
            if (!m.equals("auto") && !m.equals("apt")) {
                throw problem(ctx, "manager", "'" + m + "' is not supported by meshplay", "use auto or apt");
            }
        }
        ExecResult r = ctx.run(ExecRequest.argv("dpkg-query", "-W", "-f=${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\t${Section}\\n")
                .withEnv(Map.of("LC_ALL", "C")));
        if (!r.ok()) throw new ModuleFailure("dpkg-query failed (rc=" + r.rc() + "): " + r.stderr().strip());
        return Plan.noChange(Map.of("ansible_facts", Map.of("packages", parse(r.stdout()))));
    }

    /** dpkg-query lines "STATUS\tNAME\tVERSION\tARCH\tSECTION"; only installed ones (status "ii"), sorted by name. */
    static Map<String, List<Map<String, Object>>> parse(String out) {
        Map<String, List<Map<String, Object>>> packages = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 5 || !f[0].strip().equals("ii")) continue;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", f[1]);
            p.put("version", f[2]);
            p.put("arch", f[3]);
            p.put("category", f[4]);
            p.put("source", "apt");
            packages.computeIfAbsent(f[1], k -> new ArrayList<>()).add(p);
        }
        return packages;
    }
}
