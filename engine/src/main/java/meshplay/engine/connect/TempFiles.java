package meshplay.engine.connect;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The names of the temp files a write fills before it renames them over their target:
 * {@code .NAME.RANDOM.meshplay-tmp} beside the target, unique per write, so a write never trips over
 * one a killed run left behind. Such leftovers are stale once they are older than this run: the first
 * write of a run into a directory removes them (a file still being written by another run has a
 * recent modification time and is left alone).
 */
public final class TempFiles {
    public static final String SUFFIX = ".meshplay-tmp";
    private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-zA-Z]+" + Pattern.quote(SUFFIX));
    /**
     * When this run began to write (the first use of this class, before its first temp file), less a
     * margin for file systems whose timestamps lag the clock by a tick: temp files last modified before
     * it belong to runs that are over. (The process's start time is no use: Linux derives it from the
     * boot time, which can be a second off.)
     */
    private static final Instant RUN_START = Instant.now().minusMillis(50);

    private TempFiles() {
    }

    /** When this run began. */
    public static Instant runStart() {
        return RUN_START;
    }

    /** A hidden sibling of {@code path} (absolute) to write first, unique per call. */
    public static String siblingOf(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "" : path.substring(0, slash);
        String base = path.substring(slash + 1);
        return dir + "/." + base + "." + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + SUFFIX;
    }

    /** True for a file name of our pattern. */
    public static boolean isTempName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** True for a temp file of ours left by an earlier run (modified before this run began). */
    public static boolean isStale(String fileName, Instant modified) {
        return isTempName(fileName) && modified.isBefore(RUN_START);
    }
}
