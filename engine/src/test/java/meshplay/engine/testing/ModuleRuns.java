package meshplay.engine.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Module;

/** Short forms for module tests: an argument map, a real run, a check run, a rejected argument. */
public class ModuleRuns {
    protected ModuleRuns() {
    }

    /** A mutable argument map from key/value pairs. */
    public static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    public static ModuleHarness.Outcome apply(Module m, Map<String, Object> args, Connection c) throws Exception {
        return ModuleHarness.run(m, args, c, false);
    }

    public static ModuleHarness.Outcome check(Module m, Map<String, Object> args, Connection c) throws Exception {
        return ModuleHarness.run(m, args, c, true);
    }

    /** Asserts that validation rejects the arguments with a message containing {@code fragment}. */
    public static void rejects(Module m, Map<String, Object> args, Connection c, String fragment) {
        UserError e = assertThrows(UserError.class, () -> ModuleHarness.run(m, args, c, true));
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }
}
