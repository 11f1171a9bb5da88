package meshplay.modules.core;

import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.testing.ModuleRuns;

/** Small conveniences for module tests: those of {@link ModuleRuns}, and a run with variables. */
final class Runs extends ModuleRuns {
    private Runs() {
    }

    /** Like the harness, but with variables visible to the module (templates, debug var, assert). */
    static ModuleHarness.Outcome withVars(Module m, Map<String, Object> args, Connection c, boolean check, Map<String, Object> vars)
            throws Exception {
        meshplay.engine.module.Args validated = meshplay.engine.module.ArgValidator.validate(m.name(), m.spec(), args,
                k -> ModuleHarness.ORIGIN, ModuleHarness.ORIGIN);
        meshplay.engine.module.ModuleContext ctx = ModuleHarness.context(validated, c, check, vars);
        meshplay.engine.module.Plan plan = m.plan(ctx);
        return new ModuleHarness.Outcome(plan, check ? null : m.apply(ctx, plan));
    }
}
