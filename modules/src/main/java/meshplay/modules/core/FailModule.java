package meshplay.modules.core;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;

/** Fails the host with a message (usually with when:). */
public final class FailModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.builder("Fails the host with a custom message; use with when: to stop on a condition.")
            .add(ArgSpec.arg("msg", ArgType.STR).defaultValue("Failed as requested from task").doc("the failure message"))
            .build();

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CONTROLLER_ONLY;
    }

    @Override
    public Plan plan(ModuleContext ctx) throws ModuleFailure {
        throw new ModuleFailure(ctx.args().str("msg"));
    }
}
