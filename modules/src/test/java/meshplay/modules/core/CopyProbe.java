package meshplay.modules.core;

import java.util.Map;
import meshplay.engine.connect.LocalConnection;
import meshplay.engine.testing.ModuleHarness;

/**
 * A tiny program for tests that copy in a JVM of their own (a small heap): runs the copy module with
 * {@code src=args[0] dest=args[1]} twice over a LocalConnection and prints "changed=true/false" for each run.
 */
public final class CopyProbe {
    private CopyProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalConnection c = new LocalConnection("probe")) {
            for (int run = 0; run < 2; run++) {
                ModuleHarness.Outcome o = ModuleHarness.run(new CopyModule(), Map.of("src", args[0], "dest", args[1]), c, false);
                System.out.println("changed=" + o.changed() + " failed=" + o.result().failed());
            }
        }
    }
}
