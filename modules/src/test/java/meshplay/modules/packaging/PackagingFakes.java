package meshplay.modules.packaging;

import java.io.IOException;
import meshplay.engine.testing.TempRoot;

/** Fake host tools for the packaging modules' tests, working on the temporary root. */
final class PackagingFakes {
    private PackagingFakes() {
    }

    /** find DIR ARGS...: the real find on the same directory under the temporary root, printing host paths. */
    static void find(TempRoot root) throws IOException {
        root.fakeTool("find", "d=\"$1\"; shift; /usr/bin/find \"$MESHPLAY_TEST_ROOT$d\" \"$@\" | sed \"s|^$MESHPLAY_TEST_ROOT||\"");
    }
}
