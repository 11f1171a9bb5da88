package meshplay.modules.system;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;

/** Small conveniences for the system module tests. */
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

    /** Check run, real run, second real run: the check predicts the first, the second changes nothing. */
    static ModuleHarness.Outcome converge(Module m, Map<String, Object> args, Connection c) throws Exception {
        ModuleHarness.Outcome predicted = check(m, args, c);
        ModuleHarness.Outcome first = apply(m, args, c);
        org.junit.jupiter.api.Assertions.assertTrue(first.changed(), "the first run changes");
        org.junit.jupiter.api.Assertions.assertEquals(first.plan().diffs(), predicted.plan().diffs(), "check mode predicts the real run");
        ModuleHarness.Outcome second = apply(m, args, c);
        org.junit.jupiter.api.Assertions.assertFalse(second.changed(), () -> "the second run changes nothing: " + second.plan().changes());
        return first;
    }
}
