package meshplay.engine.template;

import meshplay.engine.module.ArgValidator;

/** "Did you mean" for filter, test and variable names. */
public final class Nearest {
    private Nearest() {
    }

    /** The closest candidate within a third of the name's length (at least 2 edits), or null. */
    public static String of(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        for (String candidate : candidates) {
            int d = ArgValidator.editDistance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }
}
