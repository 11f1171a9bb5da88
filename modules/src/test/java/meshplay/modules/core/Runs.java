package meshplay.modules.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.testing.ModuleRuns;

/** Small conveniences for module tests (shared by the module packages' tests): those of {@link ModuleRuns}, a run with variables, a converge check. */
public final class Runs extends ModuleRuns {
    private Runs() {
    }

    /** Like the harness, but with variables visible to the module (templates, debug var, assert). */
    public static ModuleHarness.Outcome withVars(Module m, Map<String, Object> args, Connection c, boolean check, Map<String, Object> vars)
            throws Exception {
        meshplay.engine.module.Args validated = meshplay.engine.module.ArgValidator.validate(m.name(), m.spec(), args,
                k -> ModuleHarness.ORIGIN, ModuleHarness.ORIGIN);
        meshplay.engine.module.ModuleContext ctx = ModuleHarness.context(validated, c, check, vars);
        meshplay.engine.module.Plan plan = m.plan(ctx);
        return new ModuleHarness.Outcome(plan, check ? null : m.apply(ctx, plan));
    }

    /** Check run, real run, second real run: the check predicts the first (same diffs), the second changes nothing. */
    public static ModuleHarness.Outcome converge(Module m, Map<String, Object> args, Connection c) throws Exception {
        ModuleHarness.Outcome predicted = check(m, args, c);
        ModuleHarness.Outcome first = apply(m, args, c);
        assertTrue(first.changed(), "the first run changes");
        org.junit.jupiter.api.Assertions.assertEquals(first.plan().diffs(), predicted.plan().diffs(), "check mode predicts the real run");
        ModuleHarness.Outcome second = apply(m, args, c);
        org.junit.jupiter.api.Assertions.assertFalse(second.changed(), () -> "the second run changes nothing: " + second.plan().changes());
        return first;
    }
}
