package meshplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * Reads an NSS database with getent(1) and returns it as the fact getent_DATABASE (a mapping of each
 * entry's first field to its other fields), as Ansible's getent module. Never changes anything.
 */
public final class GetentModule extends BaseModule<GetentModule.Arguments> {
    private static final List<String> COLON_SEPARATED = List.of("passwd", "shadow", "group", "gshadow");
    private static final ArgSpec SPEC = ArgSpec.builder("Read a getent database (passwd, group, hosts, services, ...) into "
                    + "the fact getent_DATABASE, as Ansible's getent module.")
            .add(ArgSpec.arg("database", ArgType.STR).required().doc("the database, as getent names it"))
            .add(ArgSpec.arg("key", ArgType.STR).doc("the entry to look up; default: the whole database"))
            .add(ArgSpec.arg("service", ArgType.STR).doc("the NSS service to ask (getent -s)"))
            .add(ArgSpec.arg("split", ArgType.STR).doc("field separator; default ':' for passwd, shadow, group and gshadow, else whitespace"))
            .add(ArgSpec.arg("fail_key", ArgType.BOOL).defaultValue(true).doc("fail when a key is not found"))
            .build();

    /** The typed arguments. */
    record Arguments(String database, String key, String service, String split, boolean failKey) {
    }

    public GetentModule() {
        super("getent", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        List<String> argv = new ArrayList<>(List.of("getent", a.database()));
        if (a.key() != null) argv.add(a.key());
        if (a.service() != null) argv.addAll(List.of("-s", a.service()));
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        String split = a.split() != null ? a.split() : COLON_SEPARATED.contains(a.database()) ? ":" : null;
        String fact = "getent_" + a.database();
        Map<String, Object> entries = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        switch (r.rc()) {
            case 0 -> {
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (String line : r.stdout().split("\n")) {
                    if (line.isEmpty()) continue;
                    List<String> record = split == null ? List.of(line.strip().split("\\s+"))
                            : List.of(line.split(java.util.regex.Pattern.quote(split), -1));
                    List<String> rest = new ArrayList<>(record.subList(1, record.size()));
                    int count = seen.merge(record.get(0), 1, Integer::sum);
                    if (count == 1) {
                        entries.put(record.get(0), rest);
                    } else {
                        // more than one entry for a key: a list of them, as Ansible
                        if (count == 2) entries.put(record.get(0), new ArrayList<>(List.of(entries.get(record.get(0)))));
                        @SuppressWarnings("unchecked")
                        List<Object> all = (List<Object>) entries.get(record.get(0));
                        all.add(rest);
                    }
                }
                data.put("ansible_facts", Map.of(fact, entries));
                return Plan.noChange(data);
            }
            case 1 -> throw new ModuleFailure("Missing arguments, or database unknown.");
            case 2 -> {
                String msg = "One or more supplied key could not be found in the database.";
                if (a.failKey()) throw new ModuleFailure(msg);
                entries.put(a.key(), null);
                data.put("ansible_facts", Map.of(fact, entries));
                data.put("msg", msg);
                return Plan.noChange(data);
            }
            case 3 -> throw new ModuleFailure("Enumeration not supported on this database.");
            default -> throw new ModuleFailure("Unexpected failure!");
        }
    }
}
