package meshplay.modules.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * Gathers facts with one shell script on the target, parsed here. Facts are returned under
 * ansible_facts without the "ansible_" prefix, as Ansible does; the runner exposes them as ansible_NAME.
 */
public final class SetupModule extends BaseModule<SetupModule.Arguments> {
    /** The task's arguments. */
    record Arguments(List<String> gatherSubset, Optional<List<String>> filter, int gatherTimeout) {
    }

    private static final List<String> SUBSETS = List.of("all", "min", "network", "hardware");

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Gathers facts about the target (host names, distribution, kernel, interfaces and addresses, memory, "
                            + "processors, block devices, date/time, user) with a single command.")
            .add(ArgSpec.arg("gather_subset", ArgType.LIST).elements(ArgType.STR).defaultValue(List.of("all"))
                    .doc("all, min, network, hardware; prefix with ! to leave one out (e.g. '!hardware')"))
            .add(ArgSpec.arg("filter", ArgType.LIST).elements(ArgType.STR).doc("keep only facts whose name matches one of these globs (e.g. ansible_eth*)"))
            .add(ArgSpec.arg("gather_timeout", ArgType.INT).defaultValue(30).doc("seconds allowed for gathering"))
            .build();

    public SetupModule() {
        super("setup", SPEC, Arguments.class, "gather_facts");
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        boolean network = false;
        boolean hardware = false;
        List<String> subsets = args.gatherSubset();
        for (String subset : subsets) {
            boolean negated = subset.startsWith("!");
            String name = negated ? subset.substring(1) : subset;
            if (!SUBSETS.contains(name)) {
                throw new ModuleFailure("unknown gather_subset '" + subset + "'; use one of " + String.join(", ", SUBSETS) + " (or !name)");
            }
            if (negated) continue;
            network |= name.equals("all") || name.equals("network");
            hardware |= name.equals("all") || name.equals("hardware");
        }
        for (String subset : subsets) {
            if (subset.equals("!network") || subset.equals("!all")) network = false;
            if (subset.equals("!hardware") || subset.equals("!all")) hardware = false;
        }
        ExecResult r = ctx.run(ExecRequest.shell(FactsScript.script(network, hardware))
                .withEnv(Map.of("LC_ALL", "C"))
                .withTimeout(Duration.ofSeconds(args.gatherTimeout())));
        if (r.timedOut()) throw new ModuleFailure("gathering facts took longer than gather_timeout (" + args.gatherTimeout() + "s)");
        Map<String, Object> facts = parse(r.stdout(), network, hardware);
        facts.put("gather_subset", List.copyOf(subsets));
        facts.put("module_setup", true);
        if (args.filter().isPresent()) facts = filter(facts, args.filter().get());
        return Plan.noChange(Map.of("ansible_facts", facts));
    }

    static Map<String, Object> parse(String output, boolean network, boolean hardware) {
        Map<String, String> sections = FactsScript.sections(output);
        Map<String, Object> facts = new LinkedHashMap<>();
        PlatformFacts.add(sections, facts);
        if (network) NetworkFacts.add(sections, facts);
        if (hardware) HardwareFacts.add(sections, facts);
        return facts;
    }

    private static Map<String, Object> filter(Map<String, Object> facts, List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String g : globs) patterns.add(Pattern.compile(globToRegex(g.startsWith("ansible_") ? g.substring("ansible_".length()) : g)));
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((k, v) -> {
            if (patterns.stream().anyMatch(p -> p.matcher(k).matches())) out.put(k, v);
        });
        return out;
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
