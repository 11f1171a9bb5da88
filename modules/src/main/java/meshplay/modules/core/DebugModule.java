package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.engine.yaml.Unsafe;

/**
 * Prints a message or a variable's value. Runs on the controller; never changes anything. A var whose
 * text came from a host is printed, never evaluated.
 */
public final class DebugModule extends BaseModule<DebugModule.Arguments> {
    /** The task's arguments. */
    record Arguments(Object msg, String var, int verbosity) {
    }

    static final String UNDEFINED = "VARIABLE IS NOT DEFINED!";

    private static final ArgSpec SPEC = ArgSpec.builder("Prints a message (msg) or the value of an expression (var) during the run.")
            .add(ArgSpec.arg("msg", ArgType.RAW).doc("the message (any value; templated like other arguments); default 'Hello world!'"))
            .add(ArgSpec.arg("var", ArgType.STR).doc("variable name or expression to show, without {{ }}"))
            .add(ArgSpec.arg("verbosity", ArgType.INT).defaultValue(0).doc("show only when the run is at least this verbose (-v = 1)"))
            .mutuallyExclusive("msg", "var")
            .build();

    public DebugModule() {
        super("debug", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CONTROLLER_ONLY;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (args.verbosity() > verbosity(ctx)) {
            data.put("skipped", true);
            data.put("skipped_reason", "Verbosity threshold not met.");
            return Plan.noChange(data);
        }
        if (args.var() != null) {
            String var = args.var();
            Object value;
            if (Unsafe.is(var)) {
                // text from a host is never evaluated: shown as Ansible shows it, as the template it would be
                value = "{{" + var + "}}";
            } else {
                try {
                    // as Ansible, var is rendered as the template {{ var }}: a computed number shows as text
                    value = ctx.evaluate(var.contains("{{") ? var : "{{" + var + "}}");
                } catch (RuntimeException e) {
                    value = UNDEFINED;
                }
            }
            data.put(var, value);
        } else {
            data.put("msg", args.msg() != null ? args.msg() : "Hello world!");
        }
        return Plan.noChange(data);
    }

    private static int verbosity(ModuleContext ctx) {
        Object v = ctx.vars().get("ansible_verbosity");
        if (v instanceof Number n) return n.intValue();
        try {
            return v == null ? 0 : Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
