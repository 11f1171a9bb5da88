package meshplay.modules.core;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;

/** Fails the host with a message (usually with when:). */
public final class FailModule extends BaseModule<FailModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String msg) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder("Fails the host with a custom message; use with when: to stop on a condition.")
            .add(ArgSpec.arg("msg", ArgType.STR).defaultValue("Failed as requested from task").doc("the failure message"))
            .build();

    public FailModule() {
        super("fail", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CONTROLLER_ONLY;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws ModuleFailure {
        throw new ModuleFailure(args.msg());
    }
}
