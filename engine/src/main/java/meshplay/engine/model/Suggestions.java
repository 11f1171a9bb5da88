package meshplay.engine.model;

import meshplay.engine.module.ArgValidator;

/** Finds the closest known word to a misspelt one, with the same tolerance as module suggestions. */
final class Suggestions {
    private Suggestions() {
    }

    static String nearest(String name, Iterable<String> candidates) {
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
