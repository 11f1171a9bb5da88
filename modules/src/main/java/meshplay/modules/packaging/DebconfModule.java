package meshplay.modules.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * debconf: one answer in the debconf database (debconf-show reads it, debconf-set-selections
 * sets it), so a later package install does not ask. A password answer is never shown in a diff.
 */
public final class DebconfModule extends BaseModule<DebconfModule.Arguments> {

    /** The typed arguments. */
    record Arguments(String name, String question, String vtype, String value, boolean unseen) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Sets an answer in the debconf database (debconf-set-selections) so that installing the package asks no "
                            + "question. Without question it only reports the package's current answers.")
            .add(ArgSpec.arg("name", ArgType.STR).required().aliases("pkg").doc("the package the question belongs to"))
            .add(ArgSpec.arg("question", ArgType.STR).aliases("selection", "setting").doc("the question, e.g. tzdata/Areas"))
            .add(ArgSpec.arg("vtype", ArgType.STR)
                    .choices("boolean", "error", "multiselect", "note", "password", "seen", "select", "string", "text", "title")
                    .doc("the question's type"))
            .add(ArgSpec.arg("value", ArgType.STR).aliases("answer").doc("the answer"))
            .add(ArgSpec.arg("unseen", ArgType.BOOL).defaultValue(false).doc("do not mark the question as seen (debconf-set-selections -u)"))
            .build();

    public DebconfModule() {
        super("debconf", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        if (a.question() != null && (a.vtype() == null || a.value() == null)) {
            throw problem(ctx, "question", "when supplying a question you must supply a valid vtype and value", "add vtype and value");
        }
        if (a.question() == null && (a.vtype() != null || a.value() != null)) {
            throw problem(ctx, a.vtype() != null ? "vtype" : "value", "parameters are required together: question, vtype, value",
                    "add question, or remove vtype and value");
        }
        ExecResult shown = ctx.run(ExecRequest.argv("debconf-show", a.name()));
        if (!shown.ok()) throw new ModuleFailure(shown.stderr().strip(), Map.of("rc", shown.rc()));
        Map<String, String> prev = selections(shown.stdout());
        if (a.question() == null) return Plan.noChange(Map.of("current", prev, "msg", ""));
        boolean bool = a.vtype().equals("boolean");
        String value = bool ? a.value().toLowerCase(Locale.ROOT) : a.value();
        String existing = prev.get(a.question());
        if (existing != null && value.equals(bool ? existing.toLowerCase(Locale.ROOT) : existing)) {
            return Plan.noChange(Map.of("current", prev, "msg", ""));
        }
        boolean secret = a.vtype().equals("password");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("current", Map.of(a.question(), secret ? "********" : value));
        data.put("previous", Map.of(a.question(), existing == null ? "" : secret ? "********" : existing));
        String line = String.join(" ", List.of(a.name(), a.question(), a.vtype(), value));
        Diff diff = Diff.state("debconf " + a.name() + " " + a.question(), existing == null ? "" : secret ? "********" : existing,
                secret ? "********" : value);
        return Plan.of(List.of(new Change("set debconf " + a.name() + " " + a.question(), diff, (c, r) -> {
            ExecResult set = c.run(ExecRequest.argv(a.unseen() ? List.of("debconf-set-selections", "-u") : List.of("debconf-set-selections"))
                    .withStdin(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r.put("msg", set.stdout());
            if (!set.ok()) throw new ModuleFailure(set.stderr().strip(), Map.of("rc", set.rc()));
        })), data);
    }

    /** debconf-show's "* question: value" lines (the * marks a seen question). */
    static Map<String, String> selections(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            m.put(line.substring(0, colon).replace("*", "").strip(), line.substring(colon + 1).strip());
        }
        return m;
    }
}
