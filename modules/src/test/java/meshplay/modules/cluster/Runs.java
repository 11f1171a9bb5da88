package meshplay.modules.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.connect.Connection;
import meshplay.engine.module.Module;
import meshplay.engine.testing.ModuleHarness;

/** Short forms for running a module in tests. */
final class Runs {
    private Runs() {
    }

    static ModuleHarness.Outcome run(Module m, Connection c, Object... kv) throws Exception {
        return ModuleHarness.run(m, args(kv), c, false);
    }

    static ModuleHarness.Outcome check(Module m, Connection c, Object... kv) throws Exception {
        return ModuleHarness.run(m, args(kv), c, true);
    }

    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
