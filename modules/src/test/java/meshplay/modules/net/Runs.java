package meshplay.modules.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;

/** Small conveniences for module tests. */
final class Runs {
    private Runs() {
    }

    /** A mutable argument map from key/value pairs. */
    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static ModuleHarness.Outcome apply(Module m, Map<String, Object> args, Connection c) throws Exception {
        return ModuleHarness.run(m, args, c, false);
    }

    static ModuleHarness.Outcome check(Module m, Map<String, Object> args, Connection c) throws Exception {
        return ModuleHarness.run(m, args, c, true);
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

    /** Asserts that validation rejects the arguments with a message containing {@code fragment}. */
    static void rejects(Module m, Map<String, Object> args, Connection c, String fragment) {
        UserError e = assertThrows(UserError.class, () -> ModuleHarness.run(m, args, c, true));
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }
}
