package meshplay.modules.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.modules.support.Truthy;

/** Fails the host unless every expression is true; the failure names the expression that was false. */
public final class AssertModule extends BaseModule<AssertModule.Arguments> {
    /** The task's arguments. */
    record Arguments(List<String> that, String failMsg, String successMsg, boolean quiet) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Checks that expressions are true (same syntax as when:, without {{ }}); fails the host at the first false one.")
            .add(ArgSpec.arg("that", ArgType.LIST).elements(ArgType.STR).required().doc("an expression or a list of expressions"))
            .add(ArgSpec.arg("fail_msg", ArgType.STR).aliases("msg").doc("message when an assertion fails (default names the expression)"))
            .add(ArgSpec.arg("success_msg", ArgType.STR).defaultValue("All assertions passed").doc("message when all pass"))
            .add(ArgSpec.arg("quiet", ArgType.BOOL).defaultValue(false).doc("leave the success message out of the result"))
            .build();

    public AssertModule() {
        super("assert", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CONTROLLER_ONLY;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws ModuleFailure {
        List<String> that = args.that();
        if (that.isEmpty()) throw new ModuleFailure("assert needs at least one expression in 'that'");
        for (String expression : that) {
            Object value = ctx.evaluate(expression);
            if (!Truthy.of(value)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("assertion", expression);
                data.put("evaluated_to", false);
                throw new ModuleFailure(args.failMsg() != null ? args.failMsg() : "assertion failed: " + expression, data);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (!args.quiet()) data.put("msg", args.successMsg());
        return Plan.noChange(data);
    }
}
