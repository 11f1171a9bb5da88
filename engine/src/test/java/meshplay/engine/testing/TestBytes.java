package meshplay.engine.testing;

import java.util.Random;

/** Reproducible random content for tests of file transfers. */
public final class TestBytes {
    private TestBytes() {
    }

    /** {@code size} bytes that are the same for the same seed. */
    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
